using CIGen.Core.Config;
using CIGen.Core.Config.Binding;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>cigen's built-in packages, cache definitions and version sources, read from the embedded BuiltIns.yml.</summary>
internal sealed record BuiltIns(
    IReadOnlyList<CacheDefinitionModel> CacheDefinitions,
    IReadOnlyList<VersionSource> VersionSources,
    IReadOnlyList<PackageSpec> Packages)
{
    public const string ResourceName = "CIGen.Core.Caching.BuiltIns.yml";

    /// <summary>The file name the built-ins' source locations carry.</summary>
    public const string FileName = "BuiltIns.yml";

    private static readonly Lazy<BuiltIns> Instance = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var builtIns = Read(diagnostics);
        if (diagnostics.HasErrors)
        {
            // The file ships inside the assembly and a test loads it, so this is a build defect, not user input.
            throw new InvalidOperationException("the embedded BuiltIns.yml is invalid: " +
                string.Join("; ", diagnostics.Items.Select(d => $"{d.Line}:{d.Column} {d.Message}")));
        }

        return builtIns;
    });

    public static BuiltIns Default => Instance.Value;

    public PackageSpec? Package(string name) => Packages.FirstOrDefault(p => p.Name == name);

    /// <summary>Reads the embedded file, reporting every problem to <paramref name="diagnostics"/>.</summary>
    public static BuiltIns Read(DiagnosticBag diagnostics)
    {
        using var stream = typeof(BuiltIns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from the assembly");
        using var text = new StreamReader(stream);
        return Parse(FileName, text.ReadToEnd(), diagnostics);
    }

    public static BuiltIns Parse(string file, string yaml, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(diagnostics, default);
        var root = reader.Map(YamlFileReader.Read(file, yaml, diagnostics), "the built-ins", BuiltInKeys.Root);
        return new BuiltIns(
            root.Get("cache_definitions") is { } definitions ? CacheBinder.BindDefinitions(definitions, reader) : [],
            root.Get("version_sources") is { } sources ? CacheBinder.BindVersionSources(sources, reader) : [],
            [.. reader.Entries(root.Get("packages"), "`packages`", "a mapping").Select(e => BindPackage(e, reader))]);
    }

    private static PackageSpec BindPackage(MapEntry entry, NodeReader reader)
    {
        var map = reader.Map(entry.Value, $"package `{entry.Name}`", BuiltInKeys.Package);
        FilePattern? from = null;
        if (map.Get("manager_from") is { } fromNode)
        {
            var source = reader.Map(fromNode, map.Label("manager_from"), BuiltInKeys.ManagerFrom);
            from = new FilePattern(source.String("file") ?? "", source.String("pattern") ?? "");
        }

        ManifestVersion? manifest = null;
        if (map.Get("manifest_version") is { } manifestNode)
        {
            var source = reader.Map(manifestNode, map.Label("manifest_version"), BuiltInKeys.ManifestVersion);
            manifest = new ManifestVersion(new FilePattern(source.String("file") ?? "", source.String("pattern") ?? ""), source.String("line") == "major");
        }

        return new PackageSpec(
            entry.Name,
            map.String("title") ?? entry.Name,
            map.PlainStrings("detect", allowSingle: false),
            map.PlainStrings("version_files", allowSingle: false),
            from,
            [.. reader.Entries(map.Get("managers"), map.Label("managers"), "a mapping").Select(m => BindManager(m, reader))],
            Commands(map, "prepare"))
        {
            ManifestVersion = manifest,
            DefaultVersion = map.String("default_version"),
        };
    }

    private static ManagerSpec BindManager(MapEntry entry, NodeReader reader)
    {
        var map = reader.Map(entry.Value, $"manager `{entry.Name}`", BuiltInKeys.Manager);
        return new ManagerSpec(entry.Name, map.PlainStrings("lock_files", allowSingle: false), map.String("cache"), map.PlainStrings("cache_paths", allowSingle: false), Commands(map, "prepare"), Commands(map, "install"));
    }

    private static IReadOnlyList<CommandSpec> Commands(MapReader owner, string key)
    {
        if (owner.Get(key) is not { } node)
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            owner.Reader.WrongType(node, owner.Label(key), "a list of `{name, run}`");
            return [];
        }

        return [.. sequence.Items.Select(item =>
        {
            var map = owner.Reader.Map(item, $"an entry of {owner.Label(key)}", BuiltInKeys.Command);
            map.Require("name", item, "name: Install");
            map.Require("run", item, "run: make");
            return new CommandSpec(map.String("name") ?? "", map.String("run") ?? "", map.PlainStrings("when", allowSingle: false), map.Bool("single") ?? false, map.String("if"));
        })];
    }

    private static class BuiltInKeys
    {
        public static readonly KeySet Root = new("a mapping", ["cache_definitions", "version_sources", "packages"]);
        public static readonly KeySet Package = new("a mapping", ["title", "detect", "version_files", "manifest_version", "default_version", "manager_from", "managers", "prepare"]);
        public static readonly KeySet ManagerFrom = new("a mapping `{file, pattern}`", ["file", "pattern"]);
        public static readonly KeySet ManifestVersion = new("a mapping `{file, pattern, line}`", ["file", "pattern", "line"]);
        public static readonly KeySet Manager = new("a mapping", ["lock_files", "cache", "cache_paths", "prepare", "install"]);
        public static readonly KeySet Command = new("a mapping `{name, run, when, single, if}`", ["name", "run", "when", "single", "if"]);
    }
}
