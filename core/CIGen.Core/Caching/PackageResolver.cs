using System.Text.RegularExpressions;
using CIGen.Core.Config;
using CIGen.Core.Files;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Core.Caching;

/// <summary>
/// Resolves packages against the repository at generate time: which packages the root shows (detection), and for a
/// package its directory, the version asked for, its version file and the version in it, and the dependency manager.
/// </summary>
/// <param name="diagnostics">Where an ambiguous package directory is reported; null: not reported (tests).</param>
internal sealed class PackageResolver(ProjectFiles files, BuiltIns builtIns, CacheCatalog catalog, DiagnosticBag? diagnostics = null)
{
    /// <summary>The <c>path</c> option's value for the project root itself.</summary>
    public const string RootPath = ".";

    private readonly Dictionary<string, IReadOnlyList<string>> candidates = new(StringComparer.Ordinal);
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);
    private IReadOnlyList<PackageUse>? detected;

    /// <summary>
    /// The packages whose files are at the project root, in cigen's package order, resolved. Only the root: a
    /// repository's fixtures and examples in subdirectories are not its packages.
    /// </summary>
    public IReadOnlyList<PackageUse> Detected =>
        detected ??= [.. builtIns.Packages.Where(p => files.Any(p.Detect)).Select(p => Resolve(new PackageUse { Name = p.Name }))];

    /// <summary>The tool's name as people write it (<c>Node.js</c>, <c>.NET</c>).</summary>
    public string Title(PackageUse package) => builtIns.Package(package.Name)?.Title ?? package.Name;

    /// <summary>Resolves a package the config lists.</summary>
    /// <param name="at">Where the listing job is, for the warning about several candidate directories.</param>
    public PackageUse Resolve(PackageUse requested, SourceLocation? at = null, Scope scope = default)
    {
        if (builtIns.Package(requested.Name) is not { } spec)
        {
            return requested;
        }

        var directory = DirectoryOf(requested, spec, at, scope);
        var here = files.In(directory);
        var version = Option(requested, "version");
        var versionFile = Option(requested, "version_file");
        FileVersions? read = null;
        string? manifestVersion = null;
        if (versionFile is not null && spec.ManifestVersion is { } manifest && Path.GetFileName(versionFile) == manifest.Source.File)
        {
            // `version_file: Cargo.toml` means the manifest's version (rust-version): no tool reads a version out of the
            // manifest as a version file (rustup reads rust-toolchain files), so it is the setup version, not a file.
            var (path, _) = VersionFileCandidates(directory, [versionFile]).FirstOrDefault(c => files.Read(c.Path) is not null);
            manifestVersion = path is null ? null : ManifestVersionIn(files.Read(path)!, manifest);
            versionFile = null;
        }
        else if (versionFile is not null)
        {
            // The package's directory first, so `version_file: .ruby-version` with `path: apps/api` means apps/api's.
            var (path, name) = VersionFileCandidates(directory, [versionFile]).FirstOrDefault(c => files.Read(c.Path) is not null);
            versionFile = path ?? Under(directory, versionFile);
            read = path is null ? null : ReadVersion(requested.Name, path, name);
        }
        else if (version is null)
        {
            foreach (var (path, name) in VersionFileCandidates(directory, spec.VersionFiles))
            {
                if (files.Read(path) is null)
                {
                    continue;
                }

                read = ReadVersion(requested.Name, path, name);
                if (read is not null || !HasPattern(requested.Name, name))
                {
                    versionFile = path;
                    break;
                }
            }
        }

        var fileVersions = versionFile is null ? null : read;
        return requested with
        {
            Directory = directory,
            Version = version,
            VersionFile = versionFile,
            FileVersion = fileVersions?.Normalised,
            SetupVersion = version ?? fileVersions?.Wanted ?? manifestVersion ?? ManifestVersion(spec, here) ?? spec.DefaultVersion,
            Manager = here.Any(spec.Detect) ? Manager(spec, requested, here)?.Name : null,
        };
    }

    /// <summary>The lowest version the manifest in the package's directory allows (Cargo.toml's <c>rust-version</c>, ...).</summary>
    private static string? ManifestVersion(PackageSpec spec, ProjectFiles here) =>
        spec.ManifestVersion is { } manifest && here.Read(manifest.Source.File) is { } text ? ManifestVersionIn(text, manifest) : null;

    private static string? ManifestVersionIn(string text, ManifestVersion manifest) =>
        Regex.Match(text, manifest.Source.Pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline) is { Success: true } match
            ? ManifestRange.LowerBound(match.Groups[1].Value, manifest.MajorLines)
            : null;

    /// <summary>
    /// The <c>path</c> option (already checked by the binder); else the root when the package's files are there; else
    /// the subdirectory holding them (<see cref="ProjectFiles.DirectoriesWith"/>), the first of several with a warning.
    /// </summary>
    private string? DirectoryOf(PackageUse requested, PackageSpec spec, SourceLocation? at, Scope scope)
    {
        if (Option(requested, "path") is { } path)
        {
            return path == RootPath ? null : path;
        }

        if (files.Any(spec.Detect))
        {
            return null;
        }

        if (!candidates.TryGetValue(spec.Name, out var found))
        {
            candidates[spec.Name] = found = files.DirectoriesWith(spec.Detect);
        }

        if (found.Count > 1 && at is { } location && diagnostics is not null && warned.Add(spec.Name))
        {
            diagnostics.Warning(DiagnosticCodes.AmbiguousPackageDirectory, location,
                $"package `{spec.Name}` has no {string.Join(" or ", spec.Detect)} in the project root but several directories hold one: " +
                $"{string.Join(", ", found)}; cigen uses {found[0]} — set `path` on the package (e.g. `{spec.Name}: {{path: {found[0]}}}`) to choose");
        }

        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Each file in the package's directory, then in the root: the path from the root and the name the probes know it by.</summary>
    private static IEnumerable<(string Path, string Name)> VersionFileCandidates(string? directory, IReadOnlyList<string> names) =>
        directory is null
            ? names.Select(n => (n, n))
            : [.. names.Select(n => (Under(directory, n), n)), .. names.Select(n => (n, n))];

    private static string Under(string? directory, string path) => PackageDirectory.Prefix(directory, path);

    public ManagerSpec? ManagerOf(PackageUse package) =>
        builtIns.Package(package.Name)?.Managers.FirstOrDefault(m => m.Name == package.Manager);

    /// <summary>The bash steps to run before the cache keys are computed: every one whose conditions hold.</summary>
    public IReadOnlyList<(string Name, string Run)> Prepare(PackageUse package)
    {
        IEnumerable<CommandSpec> commands = builtIns.Package(package.Name)?.Prepare ?? [];
        commands = commands.Concat(ManagerOf(package)?.Prepare ?? []);
        return [.. commands.Select(c => Render(c, package)).OfType<(string, string)>()];
    }

    /// <summary>
    /// The bash step that installs the dependencies: the package's <c>install</c> option when the user wrote one
    /// (<c>yarn workspaces focus --production</c>), else the first built-in whose conditions hold, if any.
    /// </summary>
    public (string Name, string Run)? Install(PackageUse package)
    {
        var builtIn = ManagerOf(package)?.Install ?? [];
        if (Option(package, "install") is { } command)
        {
            return (builtIn.FirstOrDefault()?.Name ?? $"Install {package.Manager ?? package.Name} dependencies", command);
        }

        return builtIn.Select(c => Render(c, package)).FirstOrDefault(c => c is not null);
    }

    private (string Name, string Run)? Render(CommandSpec command, PackageUse package)
    {
        var holds = command.If switch
        {
            null => true,
            // The version to set up when no version file is in charge: the config's, else the manifest's or the default.
            "version" => package.Version is not null || (package.VersionFile is null && package.SetupVersion is not null),
            "version_file" => package.Version is null && package.VersionFile is not null,
            "components" => package.Components.Count > 0,
            _ => throw new InvalidOperationException($"unknown condition `{command.If}` in BuiltIns.yml"),
        };
        if (!holds)
        {
            return null;
        }

        var matches = command.When.SelectMany(files.In(package.Directory).Matching).Distinct(StringComparer.Ordinal).ToList();
        if (command.When.Count > 0 && (command.Single ? matches.Count != 1 : matches.Count == 0))
        {
            return null;
        }

        // Config values and file names are data: each becomes one bash word, whatever it holds.
        var run = command.Run
            .Replace("{version}", Word(package.Version ?? package.SetupVersion), StringComparison.Ordinal)
            .Replace("{components}", string.Join(' ', package.Components.Select(ShellWords.Quote)), StringComparison.Ordinal)
            .Replace("{file}", Word(matches.FirstOrDefault()), StringComparison.Ordinal);
        return (command.Name, run);
    }

    private static string Word(string? text) => text is null ? "" : ShellWords.Quote(text);

    private static ManagerSpec? Manager(PackageSpec spec, PackageUse requested, ProjectFiles here)
    {
        ManagerSpec? Named(string? name) => name is null ? null : spec.Managers.FirstOrDefault(m => m.Name == name);

        if (Named(Option(requested, "package_manager")) is { } chosen)
        {
            return chosen;
        }

        if (spec.ManagerFrom is { } from && here.Read(from.File) is { } text
            && Regex.Match(text, from.Pattern, RegexOptions.CultureInvariant) is { Success: true } match
            && Named(match.Groups[1].Value) is { } declared)
        {
            return declared;
        }

        return spec.Managers.FirstOrDefault(m => here.Any(m.LockFiles)) ?? spec.Managers.LastOrDefault();
    }

    /// <summary>A version file's version: normalised (null without a number: <c>lts/iron</c>) and as written (for setting it up).</summary>
    private sealed record FileVersions(string? Normalised, string Wanted);

    /// <summary>The version a file holds for a tool, read with the tool's probes of that file name (or its first line).</summary>
    /// <param name="path">The file, relative to the root.</param>
    /// <param name="name">The file as the tool's probes name it (<c>.ruby-version</c> for <c>apps/api/.ruby-version</c>).</param>
    private FileVersions? ReadVersion(string tool, string path, string name)
    {
        if (files.Read(path) is not { } content)
        {
            return null;
        }

        var probes = catalog.Probes(tool).Where(p => p.File == name).ToList();
        IReadOnlyList<VersionProbe> used = probes.Count > 0 ? probes : [new VersionProbe(File: name)];
        return VersionText.Wanted(content, used) is { } wanted ? new FileVersions(VersionText.FromFile(content, used), wanted) : null;
    }

    private bool HasPattern(string tool, string file) => catalog.Probes(tool).Any(p => p.File == file && p.Pattern is not null);

    private static string? Option(PackageUse package, string name) =>
        package.Options.TryGetValue(name, out var value) && value.Text.Length > 0 ? value.Text : null;
}
