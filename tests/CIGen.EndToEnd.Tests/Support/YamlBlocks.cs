using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Support;

/// <summary>
/// Which part of a YAML document each line belongs to, read with YamlDotNet: a line's owner is the path of mapping keys
/// and sequence items whose block holds it, e.g. <c>jobs / build / steps / [3]</c>. An entry's block runs from its
/// key (an item's first line) to the line before the next entry, the last entry's to the end of its parent's block,
/// so blank lines and comments between entries belong to the entry above them. Lines before the first top-level key
/// (the generated header) have an empty path.
/// </summary>
public sealed class YamlBlocks
{
    /// <summary>One level of a path: a mapping key, or a sequence item with its index and the name it leads with.</summary>
    /// <param name="Name">The key; for an item, its scalar text or the first key of its mapping (a CircleCI workflow's job entry).</param>
    /// <param name="Index">The item's index, or null for a mapping key.</param>
    public sealed record Segment(string Name, int? Index)
    {
        public override string ToString() => Index is null ? Name : $"[{Index}] {Name}";
    }

    private readonly List<Segment>[] paths;

    private YamlBlocks(int lineCount)
    {
        paths = new List<Segment>[lineCount + 1];
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = [];
        }
    }

    /// <summary>The path owning each line of <paramref name="text"/>.</summary>
    public static YamlBlocks Of(string text)
    {
        var lineCount = text.Split('\n').Length;
        var blocks = new YamlBlocks(lineCount);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        blocks.Visit(stream.Documents[0].RootNode, [], 1, lineCount);
        return blocks;
    }

    /// <summary>The path owning a 1-based line.</summary>
    public IReadOnlyList<Segment> At(int line) => paths[line];

    private void Visit(YamlNode node, List<Segment> path, int first, int last)
    {
        var entries = new List<(Segment Segment, int Start, YamlNode Value)>();
        switch (node)
        {
            case YamlMappingNode mapping:
                entries.AddRange(mapping.Children.Select(c => (new Segment(((YamlScalarNode)c.Key).Value ?? "", null), (int)c.Key.Start.Line, c.Value)));
                break;
            case YamlSequenceNode sequence:
                entries.AddRange(sequence.Children.Select((item, i) => (new Segment(LeadingName(item), i), (int)item.Start.Line, item)));
                break;
            default:
                return;
        }

        // A flow collection ({a: 1}, [a, b]) has nothing finer than its lines.
        if (entries.Count == 0 || node is YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow }
            || node is YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow })
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var start = Math.Max(entries[i].Start, first);
            var end = i + 1 < entries.Count ? entries[i + 1].Start - 1 : last;
            List<Segment> entryPath = [.. path, entries[i].Segment];
            for (var line = start; line <= end && line < paths.Length; line++)
            {
                paths[line] = entryPath;
            }

            Visit(entries[i].Value, entryPath, start, end);
        }
    }

    private static string LeadingName(YamlNode item) => item switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlMappingNode { Children.Count: > 0 } mapping => (mapping.Children.First().Key as YamlScalarNode)?.Value ?? "",
        _ => "",
    };
}
