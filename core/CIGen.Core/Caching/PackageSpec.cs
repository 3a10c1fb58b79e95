namespace CIGen.Core.Caching;

// cigen's knowledge of each package, read from BuiltIns.yml (the `packages:` section documents every field).

/// <summary>How a package is found in the repository root and set up.</summary>
/// <param name="Detect">Globs whose presence in a directory (the root, or the package's directory) means the package is there.</param>
/// <param name="VersionFiles">Where the wanted version is written; the first that yields a version wins.</param>
/// <param name="ManagerFrom">A file and (.NET) regex whose group 1 names the manager, e.g. package.json's <c>packageManager</c>.</param>
/// <param name="Managers">In order of preference; the last is the fallback.</param>
/// <param name="Title">How people write the tool's name (<c>Node.js</c>), for step names.</param>
internal sealed record PackageSpec(
    string Name,
    string Title,
    IReadOnlyList<string> Detect,
    IReadOnlyList<string> VersionFiles,
    FilePattern? ManagerFrom,
    IReadOnlyList<ManagerSpec> Managers,
    IReadOnlyList<CommandSpec> Prepare)
{
    /// <summary>Where the project declares the versions it supports; its lowest is set up when nothing else names one.</summary>
    public ManifestVersion? ManifestVersion { get; init; }

    /// <summary>What every provider sets up when neither the config, a version file nor the manifest names a version.</summary>
    public string? DefaultVersion { get; init; }
}

/// <summary>A file and a .NET regex (multi-line) whose group 1 is what is looked for.</summary>
internal sealed record FilePattern(string File, string Pattern);

/// <param name="MajorLines">A bare major names a release line (node 20); otherwise a bound without a minor is ignored.</param>
internal sealed record ManifestVersion(FilePattern Source, bool MajorLines);

/// <param name="LockFiles">Files in the package's directory whose presence picks this manager.</param>
/// <param name="Cache">The cache jobs using this manager get by default.</param>
/// <param name="CachePaths">Replace the paths of the built-in <paramref name="Cache"/> for this manager; empty: keep them.</param>
internal sealed record ManagerSpec(
    string Name,
    IReadOnlyList<string> LockFiles,
    string? Cache,
    IReadOnlyList<string> CachePaths,
    IReadOnlyList<CommandSpec> Prepare,
    IReadOnlyList<CommandSpec> Install);

/// <summary>A bash step cigen injects, with the conditions under which it applies.</summary>
/// <param name="When">Globs in the package's directory; the command applies when any matches (exactly one with <paramref name="Single"/>).</param>
/// <param name="If"><c>version</c>, <c>version_file</c> or <c>components</c>: an option the package must have.</param>
internal sealed record CommandSpec(string Name, string Run, IReadOnlyList<string> When, bool Single, string? If);

/// <summary>A cache definition with the package that owns it (its default cache, and what <c>$manager</c> means).</summary>
internal sealed record CacheDefinitionModel(CIGen.Protocol.CacheDefinition Definition, string? Package, CIGen.Protocol.SourceLocation? Location)
{
    /// <summary>
    /// <c>scope: job</c>: the cache holds build output, which differs per job and matrix leg, so each job and leg has
    /// keys of its own; otherwise (<c>shared</c>) every job with the same tools and files shares one entry.
    /// </summary>
    public bool PerJob { get; init; }

    /// <summary>Caches a job naming this one gets too (<c>also:</c>), e.g. the built-in <c>cargo</c> brings <c>cargo_target</c>.</summary>
    public IReadOnlyList<CIGen.Core.Config.Model.Located<string>> Also { get; init; } = [];

    /// <summary>Cigen's own definition, not one the user wrote (or overrode).</summary>
    public bool IsBuiltIn => Location?.File == BuiltIns.FileName;
}
