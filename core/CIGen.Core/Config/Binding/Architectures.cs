using CIGen.Core.Config.Yaml;

namespace CIGen.Core.Config.Binding;

/// <summary>Architecture names: the spellings people use (GitHub's <c>x64</c>, <c>ARM64</c>) and the canonical one.</summary>
internal static class Architectures
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["amd64"] = "amd64",
        ["x64"] = "amd64",
        ["arm64"] = "arm64",
    };

    /// <summary>Canonical names in the order written; unknown names and repeats are reported.</summary>
    public static IReadOnlyList<string> Bind(ConfigNode node, string what, NodeReader reader)
    {
        var result = new List<string>();
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in reader.Strings(node, what, allowSingle: false))
        {
            if (!Canonical.TryGetValue(name.Value, out var canonical))
            {
                reader.Error(DiagnosticCodes.InvalidValue, name.Location,
                    $"unknown architecture `{name.Value}` in {what}{Suggestions.DidYouMean(name.Value, Canonical.Keys)}; use `amd64` (alias `x64`) or `arm64`");
                continue;
            }

            if (written.TryGetValue(canonical, out var first))
            {
                reader.Error(DiagnosticCodes.InvalidValue, name.Location,
                    $"`{name.Value}` in {what} is the same architecture as `{first}`; list it once");
                continue;
            }

            written.Add(canonical, name.Value);
            result.Add(canonical);
        }

        return result;
    }
}
