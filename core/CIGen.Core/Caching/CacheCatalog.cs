using CIGen.Core.Config;
using CIGen.Core.Config.Binding;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// The effective cache definitions and version sources: the built-ins with the user's merged in by name. A user entry
/// replaces the built-in of the same name (in its place); new names follow in the user's order. A user definition that
/// replaces a built-in and gives no <c>package</c> keeps the built-in's, so it stays the package's default cache.
/// </summary>
internal sealed class CacheCatalog
{
    private readonly Dictionary<string, CacheDefinitionModel> byName;
    private readonly Dictionary<string, VersionSource> sourcesByTool;

    private CacheCatalog(IReadOnlyList<CacheDefinitionModel> definitions, IReadOnlyList<VersionSource> versionSources)
    {
        Definitions = definitions;
        VersionSources = versionSources;
        byName = definitions.ToDictionary(d => d.Definition.Name, StringComparer.Ordinal);
        sourcesByTool = versionSources.ToDictionary(s => s.Tool, StringComparer.Ordinal);
    }

    public IReadOnlyList<CacheDefinitionModel> Definitions { get; }

    public IReadOnlyList<VersionSource> VersionSources { get; }

    public IEnumerable<string> Names => Definitions.Select(d => d.Definition.Name);

    public static CacheCatalog Merge(
        BuiltIns builtIns,
        IReadOnlyList<CacheDefinitionModel> userDefinitions,
        IReadOnlyList<VersionSource> userSources,
        DiagnosticBag diagnostics)
    {
        var builtInByName = builtIns.CacheDefinitions.ToDictionary(d => d.Definition.Name, StringComparer.Ordinal);
        var user = userDefinitions
            .Select(d => d.Package is null && builtInByName.TryGetValue(d.Definition.Name, out var builtIn) ? d with { Package = builtIn.Package } : d)
            .ToList();
        foreach (var definition in user.Where(d => d.Package is null && d.Definition.Versions.Contains(CacheBinder.ManagerPlaceholder)))
        {
            diagnostics.Error(DiagnosticCodes.ManagerWithoutPackage, definition.Location,
                $"cache definition `{definition.Definition.Name}` uses `{CacheBinder.ManagerPlaceholder}` but has no `package`; add `package: node` (the package whose manager is meant) or name the tool instead");
        }

        var definitions = ByName(builtIns.CacheDefinitions, user, d => d.Definition.Name);
        ReportCollisions(definitions, diagnostics);
        return new CacheCatalog(definitions, ByName(builtIns.VersionSources, userSources, s => s.Tool));
    }

    /// <summary>
    /// Cache and tool names become key value names (<see cref="AutomaticCacheKey.ValueName"/>), which must stay
    /// apart: <c>web-deps</c> and <c>web_deps</c> would share one digest and one restore step id, tools <c>a-b</c> and
    /// <c>a_b</c> one version, a tool <c>files_x</c> the digest of cache <c>x</c>. Reported at the later definition
    /// (the user's when the other is a built-in).
    /// </summary>
    private static void ReportCollisions(IReadOnlyList<CacheDefinitionModel> definitions, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<string, (string Name, CacheDefinitionModel Definition)>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var cache = definition.Definition.Name;
            IEnumerable<(string Value, string Name)> names =
            [
                (AutomaticCacheKey.FilesValue(cache), $"cache `{cache}`"),
                .. definition.Definition.Versions.Where(v => v != CacheBinder.ManagerPlaceholder).Select(v => (AutomaticCacheKey.ValueName(v), $"tool `{v}`")),
            ];
            foreach (var (value, name) in names)
            {
                if (!owners.TryGetValue(value, out var first))
                {
                    owners[value] = (name, definition);
                }
                else if (first.Name != name)
                {
                    var at = definition.IsBuiltIn ? first.Definition : definition;
                    diagnostics.Error(DiagnosticCodes.KeyValueNameCollision, at.Location,
                        $"{name} (cache definition `{cache}`) and {first.Name} (cache definition `{first.Definition.Definition.Name}`) " +
                        $"both become the key value `{value}` (characters outside A-Z, a-z, 0-9 and _ become _); rename one of them");
                }
            }
        }
    }

    public CacheDefinitionModel? Definition(string name) => byName.GetValueOrDefault(name);

    /// <summary>
    /// The caches a job naming <paramref name="names"/> gets: each name followed by the caches its definition brings
    /// (<c>also</c>, and theirs in turn), every cache once, in that order. Names that are no definition are left out
    /// (reported where they are written).
    /// </summary>
    public IReadOnlyList<string> WithAlso(IEnumerable<string> names)
    {
        var result = new List<string>();
        void Add(string name)
        {
            if (result.Contains(name) || Definition(name) is not { } definition)
            {
                return;
            }

            result.Add(name);
            foreach (var also in definition.Also)
            {
                Add(also.Value);
            }
        }

        foreach (var name in names)
        {
            Add(name);
        }

        return result;
    }

    /// <summary>How to find a tool's version; a tool nobody described is asked <c>&lt;tool&gt; --version</c>.</summary>
    public IReadOnlyList<VersionProbe> Probes(string tool) =>
        sourcesByTool.TryGetValue(tool, out var source) ? source.Probes : [new VersionProbe(Command: $"{tool} --version")];

    private static List<T> ByName<T>(IReadOnlyList<T> builtIns, IReadOnlyList<T> user, Func<T, string> name)
        where T : class
    {
        var overrides = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in user)
        {
            overrides[name(item)] = item;
        }

        var merged = builtIns.Select(b => overrides.GetValueOrDefault(name(b)) ?? b).ToList();
        var builtInNames = builtIns.Select(name).ToHashSet(StringComparer.Ordinal);
        merged.AddRange(user.Where(u => !builtInNames.Contains(name(u))));
        return merged;
    }
}
