using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// Resolves packages against the repository at generate time: which packages the root shows (detection), and for a
/// package the version asked for, its version file and the version in it, and the dependency manager.
/// </summary>
internal sealed class PackageResolver(ProjectFiles files, BuiltIns builtIns, CacheCatalog catalog)
{
    private IReadOnlyList<PackageUse>? detected;

    /// <summary>The packages whose files are at the project root, in cigen's package order, resolved.</summary>
    public IReadOnlyList<PackageUse> Detected =>
        detected ??= [.. builtIns.Packages.Where(p => files.Any(p.Detect)).Select(p => Resolve(new PackageUse { Name = p.Name }))];

    /// <summary>The tool's name as people write it (<c>Node.js</c>, <c>.NET</c>).</summary>
    public string Title(PackageUse package) => builtIns.Package(package.Name)?.Title ?? package.Name;

    public PackageUse Resolve(PackageUse requested)
    {
        if (builtIns.Package(requested.Name) is not { } spec)
        {
            return requested;
        }

        var version = Option(requested, "version");
        var versionFile = Option(requested, "version_file");
        string? fileVersion = null;
        if (versionFile is not null)
        {
            fileVersion = ReadVersion(requested.Name, versionFile);
        }
        else if (version is null)
        {
            foreach (var candidate in spec.VersionFiles)
            {
                if (files.Read(candidate) is null)
                {
                    continue;
                }

                fileVersion = ReadVersion(requested.Name, candidate);
                if (fileVersion is not null || !HasPattern(requested.Name, candidate))
                {
                    versionFile = candidate;
                    break;
                }
            }
        }

        return requested with
        {
            Version = version,
            VersionFile = versionFile,
            FileVersion = versionFile is null ? null : fileVersion,
            Manager = files.Any(spec.Detect) ? Manager(spec, requested)?.Name : null,
        };
    }

    public ManagerSpec? ManagerOf(PackageUse package) =>
        builtIns.Package(package.Name)?.Managers.FirstOrDefault(m => m.Name == package.Manager);

    /// <summary>The bash steps to run before the cache keys are computed: every one whose conditions hold.</summary>
    public IReadOnlyList<(string Name, string Run)> Prepare(PackageUse package)
    {
        IEnumerable<CommandSpec> commands = builtIns.Package(package.Name)?.Prepare ?? [];
        commands = commands.Concat(ManagerOf(package)?.Prepare ?? []);
        return [.. commands.Select(c => Render(c, package)).OfType<(string, string)>()];
    }

    /// <summary>The bash step that installs the dependencies: the first whose conditions hold, if any.</summary>
    public (string Name, string Run)? Install(PackageUse package) =>
        (ManagerOf(package)?.Install ?? []).Select(c => Render(c, package)).FirstOrDefault(c => c is not null);

    private (string Name, string Run)? Render(CommandSpec command, PackageUse package)
    {
        var holds = command.If switch
        {
            null => true,
            "version" => package.Version is not null,
            "version_file" => package.Version is null && package.VersionFile is not null,
            "components" => package.Components.Count > 0,
            _ => throw new InvalidOperationException($"unknown condition `{command.If}` in BuiltIns.yml"),
        };
        if (!holds)
        {
            return null;
        }

        var matches = command.When.SelectMany(files.Matching).Distinct(StringComparer.Ordinal).ToList();
        if (command.When.Count > 0 && (command.Single ? matches.Count != 1 : matches.Count == 0))
        {
            return null;
        }

        var run = command.Run
            .Replace("{version}", package.Version, StringComparison.Ordinal)
            .Replace("{components}", string.Join(' ', package.Components), StringComparison.Ordinal)
            .Replace("{file}", matches.FirstOrDefault(), StringComparison.Ordinal);
        return (command.Name, run);
    }

    private ManagerSpec? Manager(PackageSpec spec, PackageUse requested)
    {
        ManagerSpec? Named(string? name) => name is null ? null : spec.Managers.FirstOrDefault(m => m.Name == name);

        if (Named(Option(requested, "package_manager")) is { } chosen)
        {
            return chosen;
        }

        if (spec.ManagerFrom is { } from && files.Read(from.File) is { } text
            && Regex.Match(text, from.Pattern, RegexOptions.CultureInvariant) is { Success: true } match
            && Named(match.Groups[1].Value) is { } declared)
        {
            return declared;
        }

        return spec.Managers.FirstOrDefault(m => files.Any(m.LockFiles)) ?? spec.Managers.LastOrDefault();
    }

    /// <summary>The version a file holds for a tool, read with the tool's probes of that file (or its first line).</summary>
    private string? ReadVersion(string tool, string file)
    {
        if (files.Read(file) is not { } content)
        {
            return null;
        }

        var probes = catalog.Probes(tool).Where(p => p.File == file).ToList();
        return VersionText.FromFile(content, probes.Count > 0 ? probes : [new VersionProbe(File: file)]);
    }

    private bool HasPattern(string tool, string file) => catalog.Probes(tool).Any(p => p.File == file && p.Pattern is not null);

    private static string? Option(PackageUse package, string name) =>
        package.Options.TryGetValue(name, out var value) && value.Text.Length > 0 ? value.Text : null;
}
