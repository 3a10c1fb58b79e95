using System.Text.RegularExpressions;
using CIGen.Core.Caching;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary><c>packages</c>: a list of tool names, or a mapping of tool names to their options.</summary>
internal static partial class PackageBinder
{
    private static readonly string[] CommonOptions = ["version", "version_file", "path", "install"];

    private static readonly Dictionary<string, KeySet> Options = new(StringComparer.Ordinal)
    {
        ["rust"] = new("a mapping of options (version, version_file, path, install, components)", [.. CommonOptions, "components"]),
        ["node"] = new("a mapping of options (version, version_file, path, install, package_manager)", [.. CommonOptions, "package_manager"]),
        ["python"] = new("a mapping of options (version, version_file, path, install)", CommonOptions),
        ["ruby"] = new("a mapping of options (version, version_file, path, install)", CommonOptions),
        ["go"] = new("a mapping of options (version, version_file, path, install)", CommonOptions),
        ["dotnet"] = new("a mapping of options (version, version_file, path, install)", CommonOptions),
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

            if (option.Name == "version" && !SafeVersion().IsMatch(text))
            {
                reader.Error(DiagnosticCodes.InvalidValue, option.Value,
                    $"`version` of {options.What} is `{text}`, which is not a version: use letters, digits and . _ - + * / ~ ^ only (e.g. `1.78`, `stable`, `lts/*`)");
                continue;
            }

            var value = option.Name == "path" ? PackagePath(text, option.Value, $"`path` of {options.What}", reader) : text;
            if (value is null)
            {
                continue;
            }

            // Versions, files and manager names are text: plain `3.10` means "3.10", not the number 3.1.
            values.Add(option.Name, Scalar.String(value));
        }

        return new PackageUse
        {
            Name = entry.Name,
            Options = values,
            Components = Components(options, reader),
        };
    }

    /// <summary>The components, each a plain name (they become words of a <c>rustup component add</c> command).</summary>
    private static IReadOnlyList<string> Components(MapReader options, NodeReader reader)
    {
        var components = new List<string>();
        foreach (var component in options.Strings("components", allowSingle: false) ?? [])
        {
            if (SafeComponent().IsMatch(component.Value))
            {
                components.Add(component.Value);
            }
            else
            {
                reader.Error(DiagnosticCodes.InvalidValue, component.Location,
                    $"`{component.Value}` in {options.Label("components")} is not a component name: use letters, digits, . _ and - only (e.g. `clippy`, `rust-src`)");
            }
        }

        return components;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+*/~^-]*$")]
    private static partial Regex SafeVersion();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeComponent();

    /// <summary>The directory in canonical form, or null after reporting why it cannot be the package's directory.</summary>
    private static string? PackagePath(string text, ConfigNode at, string what, NodeReader reader)
    {
        var (path, problem) = PackageDirectory.Normalise(text);
        if (problem is not null)
        {
            reader.Error(DiagnosticCodes.InvalidPackagePath, at, $"{what} `{text}` {problem}");
            return null;
        }

        if (reader.ProjectRoot is { } root && !Directory.Exists(Path.Combine(root, path!)))
        {
            reader.Error(DiagnosticCodes.InvalidPackagePath, at,
                $"{what}: directory `{path}` does not exist in the project root; create it or write the directory that holds the package's files (relative to the directory holding .cigen/ or cigen.yml)");
            return null;
        }

        return path;
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
