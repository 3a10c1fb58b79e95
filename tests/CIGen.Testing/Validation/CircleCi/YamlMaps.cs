using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>One key of a mapping: its text, the key node (for positions) and the value.</summary>
internal sealed record YamlEntry(string Key, YamlNode KeyNode, YamlNode Value);

/// <summary>
/// Reads mappings of a parsed config the way CircleCI does: YAML 1.1 merge keys (<c>&lt;&lt;: *defaults</c>) bring in
/// the keys of the merged mappings, and keys written in the mapping itself win over them. YamlDotNet's representation
/// model leaves <c>&lt;&lt;</c> as a plain key; aliases are already the anchored nodes.
/// </summary>
internal static class YamlMaps
{
    private const string MergeKey = "<<";

    /// <summary>The entries of a mapping in document order, merged keys after the written ones; none for any other node.</summary>
    public static IReadOnlyList<YamlEntry> Entries(YamlNode? node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return [];
        }

        var written = new List<YamlEntry>();
        var merged = new List<YamlEntry>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } text })
            {
                continue;
            }

            if (text == MergeKey && key is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain })
            {
                // `<<: *a` or `<<: [*a, *b]`; earlier mappings of the list win over later ones.
                var sources = value is YamlSequenceNode list ? list.Children : [value];
                merged.AddRange(sources.SelectMany(Entries));
                continue;
            }

            written.Add(new YamlEntry(text, key, value));
        }

        var result = new List<YamlEntry>(written);
        foreach (var entry in merged)
        {
            if (!result.Exists(e => e.Key == entry.Key))
            {
                result.Add(entry);
            }
        }

        return result;
    }

    public static YamlNode? Get(YamlNode? node, string key) => Entries(node).FirstOrDefault(e => e.Key == key)?.Value;

    public static bool Has(YamlNode? node, string key) => Entries(node).Any(e => e.Key == key);

    /// <summary>The text of a scalar, null for anything else (a mapping, a sequence, a missing node).</summary>
    public static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>True for an empty value (<c>key:</c> with nothing after it, <c>~</c>, <c>null</c>).</summary>
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" });
}
