using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// Folds each run of literal, value and matrix parts of an automatic cache key into one <see cref="KeyValue.Join"/> value
/// the key_values step prints (<c>node_modules_key</c> = <c>linux-ubuntu24.04-x64-node_modules-node20-</c>): a
/// platform then spells one value and the checksum, not five values and the dashes between them, and the key and its
/// restore key share the value. The key's text is unchanged.
/// </summary>
internal static class KeyPrefixJoin
{
    /// <param name="cache">The cache's name; the values are <c>&lt;cache&gt;_key</c>, <c>&lt;cache&gt;_key_2</c>, …</param>
    /// <param name="joins">Receives the join values the keys now use, once each.</param>
    public static IReadOnlyList<CacheKey> Apply(string cache, IReadOnlyList<CacheKey> keys, List<KeyValue> joins)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return [.. keys.Select(key => key with { Parts = Fold(cache, key.Parts, names, joins) })];
    }

    private static IReadOnlyList<KeyPart> Fold(string cache, IReadOnlyList<KeyPart> parts, Dictionary<string, string> names, List<KeyValue> joins)
    {
        var folded = new List<KeyPart>();
        var run = new List<KeyPart>();
        foreach (var part in parts.Append(null))
        {
            if (part is KeyPart.Literal or KeyPart.Value or KeyPart.Matrix)
            {
                run.Add(part);
                continue;
            }

            if (run.Count > 1 && run.Any(p => p is KeyPart.Value))
            {
                folded.Add(new KeyPart.Value(NameOf(cache, run, names, joins)));
            }
            else
            {
                folded.AddRange(run);
            }

            run.Clear();
            if (part is not null)
            {
                folded.Add(part);
            }
        }

        return folded;
    }

    private static string NameOf(string cache, List<KeyPart> run, Dictionary<string, string> names, List<KeyValue> joins)
    {
        // Records print as `Literal { Text = … }`: equal runs give equal texts.
        var text = string.Join('\n', run);
        if (names.TryGetValue(text, out var known))
        {
            return known;
        }

        var name = AutomaticCacheKey.ValueName(cache) + (names.Count == 0 ? "_key" : $"_key_{names.Count + 1}");
        names.Add(text, name);
        joins.Add(new KeyValue.Join(name, [.. run]));
        return name;
    }
}
