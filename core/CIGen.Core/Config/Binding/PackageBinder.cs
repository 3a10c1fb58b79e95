using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary><c>packages</c>: a list of tool names, or a mapping of tool names to their options.</summary>
internal static class PackageBinder
{
    private static readonly string[] CommonOptions = ["version", "version_file"];

    private static readonly Dictionary<string, KeySet> Options = new(StringComparer.Ordinal)
    {
        ["rust"] = new("a mapping of options (version, version_file, components)", [.. CommonOptions, "components"]),
        ["node"] = new("a mapping of options (version, version_file, package_manager)", [.. CommonOptions, "package_manager"]),
        ["python"] = new("a mapping of options (version, version_file)", CommonOptions),
        ["ruby"] = new("a mapping of options (version, version_file)", CommonOptions),
        ["go"] = new("a mapping of options (version, version_file)", CommonOptions),
        ["dotnet"] = new("a mapping of options (version, version_file)", CommonOptions),
    };

    private static readonly string[] PackageManagers = ["npm", "pnpm", "yarn", "bun"];

    /// <summary>The packages cigen knows.</summary>
    public static IReadOnlyCollection<string> Known => Options.Keys;

    public static IReadOnlyList<PackageUse> Bind(ConfigNode node, string what, NodeReader reader)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return [];
            case SequenceNode:
                return [.. reader.Strings(node, what, allowSingle: false)
                    .Where(name => IsKnown(name.Value, name.Location, what, reader))
                    .Select(name => new PackageUse { Name = name.Value })];
            case MapNode map:
                return [.. map.Entries
                    .Where(entry => IsKnown(entry.Name, entry.Key.Location, what, reader))
                    .Select(entry => BindOptions(entry, what, reader))];
            default:
                reader.WrongType(node, what, "a list of package names or a mapping of package names to options");
                return [];
        }
    }

    private static PackageUse BindOptions(MapEntry entry, string what, NodeReader reader)
    {
        var options = reader.Map(entry.Value, $"package `{entry.Name}` in {what}", Options[entry.Name]);
        var values = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        foreach (var option in options.Entries.Where(e => e.Name != "components" && Options[entry.Name].Contains(e.Name)))
        {
            if (options.String(option.Name) is not { } text)
            {
                continue;
            }

            if (option.Name == "package_manager" && !PackageManagers.Contains(text))
            {
                reader.Error(DiagnosticCodes.InvalidValue, option.Value,
                    $"unknown package manager `{text}` in {options.What}{Suggestions.DidYouMean(text, PackageManagers)}; use one of: {string.Join(", ", PackageManagers)}");
                continue;
            }

            // Versions, files and manager names are text: plain `3.10` means "3.10", not the number 3.1.
            values.Add(option.Name, Scalar.String(text));
        }

        return new PackageUse
        {
            Name = entry.Name,
            Options = values,
            Components = options.PlainStrings("components", allowSingle: false),
        };
    }

    private static bool IsKnown(string name, SourceLocation at, string what, NodeReader reader)
    {
        if (Options.ContainsKey(name))
        {
            return true;
        }

        reader.Error(DiagnosticCodes.UnknownPackage, at,
            $"unknown package `{name}` in {what}{Suggestions.DidYouMean(name, Options.Keys)}; cigen knows: {string.Join(", ", Options.Keys)}");
        return false;
    }
}
