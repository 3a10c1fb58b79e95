using System.Globalization;
using System.Text;

namespace CIGen.Testing.Generative;

/// <summary>
/// A tiny YAML writer for generated configs: ordered mappings, lists, and scalars whose type is explicit, so a random
/// config never depends on how a serializer guesses types (<c>'3.10'</c> stays a string, <c>15</c> a number).
/// </summary>
public static class YamlText
{
    /// <summary>An ordered mapping; keys are written plain, so they must be plain-safe (ids, known keys).</summary>
    public sealed class Map : List<KeyValuePair<string, object>>
    {
        public void Add(string key, object value) => Add(new KeyValuePair<string, object>(key, value));

        public bool Has(string key) => this.Any(p => p.Key == key);
    }

    /// <summary>A value written as is: numbers, booleans, <c>null</c>.</summary>
    public sealed record Plain(string Text)
    {
        public static Plain Of(int value) => new(value.ToString(CultureInfo.InvariantCulture));

        public static Plain Of(bool value) => new(value ? "true" : "false");
    }

    /// <summary>Several lines, written as a literal block (<c>|</c>).</summary>
    public sealed record Block(string Text);

    public static string Write(Map root)
    {
        var text = new StringBuilder();
        WriteMap(text, root, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, Map map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(key).Append(':');
            WriteValue(text, value, indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case Map { Count: 0 }:
                text.Append(" {}\n");
                break;
            case Map map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case IList<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case IList<object> list:
                text.Append('\n');
                foreach (var item in list)
                {
                    WriteItem(text, item, indent + 2);
                }

                break;
            default:
                text.Append(' ').Append(Scalar(value, indent)).Append('\n');
                break;
        }
    }

    private static void WriteItem(StringBuilder text, object item, int indent)
    {
        text.Append(' ', indent).Append('-');
        if (item is Map { Count: > 0 } map)
        {
            // The first key on the dash's line, the others aligned under it.
            var inner = new StringBuilder();
            WriteMap(inner, map, indent + 2);
            text.Append(' ').Append(inner.ToString(indent + 2, inner.Length - indent - 2));
        }
        else
        {
            WriteValue(text, item, indent);
        }
    }

    private static string Scalar(object value, int indent) => value switch
    {
        Plain plain => plain.Text,
        Block block => "|\n" + string.Join("\n", block.Text.TrimEnd('\n').Split('\n').Select(l => new string(' ', indent + 2) + l)),
        string s => Quote(s),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => throw new ArgumentException($"not a YAML value: {value.GetType()}"),
    };

    /// <summary>Single-quoted: only <c>'</c> needs escaping, and the value is always a string.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
