using CIGen.Core.Config.Yaml;

namespace CIGen.Core.Config.Sources;

/// <summary>
/// Deep-merges mappings from several files: mappings merge key by key; any other value may be repeated only when it
/// is equal, otherwise it is a conflict naming both places (never "last file wins", which made results depend on the
/// order files were listed in).
/// </summary>
internal static class FragmentMerger
{
    public static MapNode Merge(MapNode first, MapNode second, DiagnosticBag diagnostics, string path = "")
    {
        var entries = new List<MapEntry>(first.Entries);
        foreach (var added in second.Entries)
        {
            var index = entries.FindIndex(e => e.Name == added.Name);
            if (index < 0)
            {
                entries.Add(added);
                continue;
            }

            var existing = entries[index];
            var keyPath = path.Length == 0 ? added.Name : $"{path}.{added.Name}";
            if (existing.Value is MapNode existingMap && added.Value is MapNode addedMap)
            {
                entries[index] = existing with { Value = Merge(existingMap, addedMap, diagnostics, keyPath) };
            }
            else if (!NodeEquality.Equal(existing.Value, added.Value))
            {
                diagnostics.Error(DiagnosticCodes.FragmentConflict, added.Key,
                    $"`{keyPath}` is set here and in {existing.Key.File}:{existing.Key.Line}:{existing.Key.Column} with a different value; set it in one file only");
            }
        }

        return first with { Entries = entries };
    }
}

/// <summary>Equality of YAML values regardless of where they were written (and of mapping key order).</summary>
internal static class NodeEquality
{
    public static bool Equal(ConfigNode a, ConfigNode b) => (a, b) switch
    {
        (ScalarNode x, ScalarNode y) => x.Type == y.Type && x.Value == y.Value,
        (SequenceNode x, SequenceNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
        (MapNode x, MapNode y) => x.Entries.Count == y.Entries.Count
            && x.Entries.All(e => y.Find(e.Name) is { } other && Equal(e.Value, other.Value)),
        _ => false,
    };
}
