using CIGen.Core.Caching;
using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;
using CIGen.Core.Skipping;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>cache_definitions, cache_backends, skip_cache and version_sources.</summary>
internal static class CacheBinder
{
    private static readonly KeySet DefinitionKeys = new(
        "a mapping `{package, versions, checksum_sources, paths, scope, also}`", ["package", "versions", "checksum_sources", "paths", "scope", "also"]);

    /// <summary>The values of a definition's <c>scope</c>: one entry for every job (the default), or one per job and matrix leg.</summary>
    public const string SharedScope = "shared";

    public const string JobScope = "job";

    /// <summary>In a definition's versions: the dependency manager of the definition's package in the job.</summary>
    public const string ManagerPlaceholder = "$manager";

    /// <summary>Values every cache key holds already; a tool of that name would clash with them.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["os", "os_version", "arch"];

    private static readonly Dictionary<string, KeySet> BackendKeys = new(StringComparer.Ordinal)
    {
        ["native"] = new("a mapping (native needs no settings)", ["type"]),
        ["s3"] = new("a mapping `{bucket, region, endpoint, prefix, access_key, secret_key}`", ["type", "bucket", "region", "endpoint", "prefix", "access_key", "secret_key"]),
        ["redis"] = new("a mapping `{url, ttl}`", ["type", "url", "ttl"]),
    };

    private static readonly Dictionary<string, string[]> RequiredSettings = new(StringComparer.Ordinal)
    {
        ["native"] = [],
        ["s3"] = ["bucket", "region"],
        ["redis"] = ["url"],
    };

    private static readonly KeySet AnyBackendKeys = new("a mapping of backend settings", ["type"]);
    private static readonly KeySet SkipCacheKeys = new("a mapping `{default, backends}`", ["default", "backends"]);
    private static readonly KeySet ProbeKeys = new("a mapping `{file, pattern}` or `{command}`", ["file", "pattern", "command"]);

    public static IReadOnlyList<CacheDefinitionModel> BindDefinitions(ConfigNode node, NodeReader reader) =>
        [.. reader.Entries(node, "`cache_definitions`", "a mapping of cache names to `{package, versions, checksum_sources, paths, scope, also}`")
            .Select(entry =>
            {
                var map = reader.Map(entry.Value, $"cache definition `{entry.Name}`", DefinitionKeys);
                map.Require("paths", entry.Key, "paths: [node_modules]");
                return new CacheDefinitionModel(
                    new CacheDefinition
                    {
                        Name = entry.Name,
                        Versions = Versions(map),
                        ChecksumSources = map.PlainStrings("checksum_sources", allowSingle: false),
                        Paths = map.PlainStrings("paths", allowSingle: false),
                    },
                    Package(map),
                    entry.Key.Location)
                {
                    PerJob = Scope(map) == JobScope,
                    Also = map.Strings("also", allowSingle: true) ?? [],
                };
            })];

    private static string? Scope(MapReader map)
    {
        var scope = map.Located("scope");
        if (scope is null || scope.Value is SharedScope or JobScope)
        {
            return scope?.Value;
        }

        map.Reader.Error(DiagnosticCodes.InvalidValue, scope.Location,
            $"unknown scope `{scope.Value}` in {map.What}; use `{JobScope}` for build output (target/, .next/cache: keys per job and matrix leg) "
            + $"or `{SharedScope}` (the default: one entry for every job with the same tools and files)");
        return null;
    }

    private static string? Package(MapReader map)
    {
        var package = map.String("package");
        if (package is null || PackageBinder.Known.Contains(package))
        {
            return package;
        }

        map.Reader.Error(DiagnosticCodes.UnknownCachePackage, map.Get("package")!,
            $"unknown package `{package}` in {map.What}{Suggestions.DidYouMean(package, PackageBinder.Known)}; use one of: {string.Join(", ", PackageBinder.Known)}, or leave `package` out for a cache no package owns");
        return null;
    }

    private static IReadOnlyList<string> Versions(MapReader map)
    {
        var versions = map.Strings("versions", allowSingle: false) ?? [];
        foreach (var version in versions)
        {
            if (ReservedNames.Contains(version.Value))
            {
                map.Reader.Error(DiagnosticCodes.ReservedVersionName, version.Location,
                    $"`{version.Value}` in {map.Label("versions")} is already part of every cache key; remove it (versions name tools, e.g. `node`)");
            }
            else if (version.Value.StartsWith('$') && version.Value != ManagerPlaceholder)
            {
                map.Reader.Error(DiagnosticCodes.InvalidValue, version.Location,
                    $"unknown placeholder `{version.Value}` in {map.Label("versions")}; the only placeholder is `{ManagerPlaceholder}` (the job's dependency manager), otherwise name a tool");
            }
        }

        return [.. versions.Select(v => v.Value)];
    }

    public static IReadOnlyList<Located<CacheBackend>> BindBackends(ConfigNode node, string what, NodeReader reader) =>
        [.. reader.Entries(node, what, "a mapping of backend names to settings")
            .Select(entry => BindBackend(entry, reader))
            .OfType<Located<CacheBackend>>()];

    /// <summary><c>skip_cache: {default, backends}</c>: the default backend, and backends defined in place.</summary>
    public static (Located<string>? Default, IReadOnlyList<Located<CacheBackend>> Backends) BindSkipCache(ConfigNode node, NodeReader reader)
    {
        var map = reader.Map(node, "`skip_cache`", SkipCacheKeys);
        var backends = map.Get("backends") is { } backendsNode ? BindBackends(backendsNode, map.Label("backends"), reader) : [];
        return (map.Located("default"), backends);
    }

    public static IReadOnlyList<VersionSource> BindVersionSources(ConfigNode node, NodeReader reader) =>
        [.. reader.Entries(node, "`version_sources`", "a mapping of tool names to lists of `{file, pattern}` / `{command}`")
            .Select(entry =>
            {
                if (ReservedNames.Contains(entry.Name))
                {
                    reader.Error(DiagnosticCodes.ReservedVersionName, entry.Key,
                        $"`{entry.Name}` cannot be a version source: cigen reads the runner's os, os_version and arch itself; rename the tool");
                }

                return new VersionSource { Tool = entry.Name, Probes = BindProbes(entry, reader) };
            })];

    private static Located<CacheBackend>? BindBackend(MapEntry entry, NodeReader reader)
    {
        var what = $"cache backend `{entry.Name}`";
        var typeNode = entry.Value is MapNode map ? map.Find("type")?.Value : null;
        var type = typeNode is null ? entry.Name : reader.String(typeNode, $"`type` in {what}");
        if (type is null)
        {
            return null;
        }

        if (!BackendKeys.TryGetValue(type, out var keys))
        {
            var at = typeNode ?? entry.Key;
            var message = typeNode is null
                ? $"{what} has no known type; add `type: native`, `type: s3` or `type: redis` (the type is taken from the name only when the name is one of them)"
                : $"unknown type `{type}` of {what}{Suggestions.DidYouMean(type, BackendKeys.Keys)}; use native, s3 or redis";
            reader.Error(typeNode is null ? DiagnosticCodes.MissingKey : DiagnosticCodes.InvalidValue, at, message);
            reader.Map(entry.Value, what, AnyBackendKeys with { Keys = [.. BackendKeys.Values.SelectMany(k => k.Keys).Distinct()] });
            return null;
        }

        var settings = reader.Map(entry.Value, what, keys);
        foreach (var required in RequiredSettings[type])
        {
            settings.Require(required, entry.Key, $"{required}: ...");
        }

        var values = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        foreach (var setting in settings.Entries.Where(e => e.Name != "type" && keys.Contains(e.Name)))
        {
            if (setting.Value is ScalarNode { IsNull: false } scalar)
            {
                BackendSettingsCheck.Check(type, entry.Name, setting.Name, scalar, reader);
                values.Add(setting.Name, scalar.ToScalar());
            }
            else
            {
                reader.WrongType(setting.Value, settings.Label(setting.Name), "a string or number (`${NAME}` reads a CI secret)");
            }
        }

        return new Located<CacheBackend>(new CacheBackend { Name = entry.Name, Type = type, Settings = values }, entry.Key.Location);
    }

    private static IReadOnlyList<VersionProbe> BindProbes(MapEntry entry, NodeReader reader)
    {
        var what = $"version source `{entry.Name}`";
        if (entry.Value is not SequenceNode sequence)
        {
            reader.WrongType(entry.Value, what, "a list of `{file, pattern}` / `{command}` entries");
            return [];
        }

        var probes = new List<VersionProbe>();
        foreach (var item in sequence.Items)
        {
            var probe = reader.Map(item, $"an entry of {what}", ProbeKeys);
            probe.Exclusive("file", "command", "use separate entries, tried in order");
            probe.Exclusive("command", "pattern", "`pattern` applies to `file`");
            if (!probe.Has("file") && !probe.Has("command"))
            {
                probe.Require("file", item, "file: .ruby-version");
            }

            probes.Add(new VersionProbe(probe.String("file"), probe.String("pattern"), probe.String("command")));
        }

        return probes;
    }
}
