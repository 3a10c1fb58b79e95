using System.Text;

namespace CIGen.Testing.Fuzzing;

/// <summary>One mutated file: what was done to it (for a failure message) and the bytes to write.</summary>
public sealed record Mutation(string Description, byte[] Bytes);

/// <summary>
/// Turns a valid config file into a hostile one: byte flips, truncation, deleted / duplicated / retyped keys, deep
/// nesting, huge scalars, alias bombs, invalid UTF-8, CRLF, a BOM, tabs and NUL bytes. Everything is drawn from the
/// <see cref="Random"/> it is given, so a case is reproduced from its seed alone.
/// </summary>
public static class ConfigMutator
{
    private static readonly (string Name, int Weight, Func<Random, byte[], string, (string, byte[])> Apply)[] Kinds =
    [
        ("byte flips", 14, FlipBytes),
        ("truncation", 10, Truncate),
        ("deleted key", 10, DeleteKey),
        ("duplicated key", 8, DuplicateKey),
        ("scalar retyped", 10, RetypeScalar),
        ("block retyped", 10, RetypeBlock),
        ("deep nesting", 4, DeepNesting),
        ("huge value", 1, HugeValue),
        ("alias bomb", 4, AliasBomb),
        ("invalid UTF-8", 6, InvalidUtf8),
        ("CRLF line endings", 4, Crlf),
        ("UTF-8 BOM", 3, Bom),
        ("tabs", 6, Tabs),
        ("NUL bytes", 5, NulBytes),
    ];

    private static readonly int TotalWeight = Kinds.Sum(k => k.Weight);

    /// <summary>One to three mutations of <paramref name="original"/> (most often one).</summary>
    public static Mutation Mutate(Random random, byte[] original)
    {
        var count = random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        var bytes = original;
        var descriptions = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(TotalWeight);
            var kind = Kinds.First(k => (pick -= k.Weight) < 0);
            var (detail, mutated) = kind.Apply(random, bytes, Encoding.UTF8.GetString(bytes));
            descriptions.Add($"{kind.Name} ({detail})");
            bytes = mutated;
        }

        return new Mutation(string.Join(" + ", descriptions), bytes);
    }

    /// <summary>The input for a failure message: escaped, and cut to <paramref name="max"/> characters when huge.</summary>
    public static string Show(byte[] bytes, int max = 4000)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var shown = text.Length > max ? text[..max] + $"\n… ({text.Length - max} more characters)" : text;
        var escaped = new StringBuilder();
        foreach (var c in shown)
        {
            escaped.Append(c switch
            {
                '\n' or '\t' => c.ToString(),
                '\r' => "\\r",
                '\0' => "\\0",
                '\uFEFF' => "\\uFEFF",
                '\uFFFD' => "\\uFFFD",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static (string, byte[]) FlipBytes(Random random, byte[] bytes, string text)
    {
        if (bytes.Length == 0)
        {
            return ("empty file: one random byte", [(byte)random.Next(256)]);
        }

        var copy = (byte[])bytes.Clone();
        var flips = 1 + random.Next(8);
        var at = new List<int>();
        for (var i = 0; i < flips; i++)
        {
            var position = random.Next(copy.Length);
            copy[position] = random.Next(2) == 0 ? (byte)(copy[position] ^ (1 << random.Next(8))) : (byte)random.Next(256);
            at.Add(position);
        }

        return ($"at bytes {string.Join(", ", at)}", copy);
    }

    private static (string, byte[]) Truncate(Random random, byte[] bytes, string text)
    {
        var at = random.Next(bytes.Length + 1);
        return ($"at byte {at} of {bytes.Length}", bytes[..at]);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    /// <summary>Indexes of lines that hold a <c>key:</c> (a mapping entry, perhaps inside a list item).</summary>
    private static List<int> KeyLines(List<string> lines) =>
        [.. Enumerable.Range(0, lines.Count).Where(i => KeyColon(lines[i]) >= 0)];

    private static int KeyColon(string line)
    {
        var trimmed = line.TrimStart(' ', '-');
        if (trimmed.Length == 0 || trimmed[0] is '#' or '"' or '\'' or '|' or '>')
        {
            return -1;
        }

        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? colon : line.EndsWith(':') ? line.Length - 1 : -1;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The line and the ones nested under it (more indented, or blank), as a range.</summary>
    private static int BlockEnd(List<string> lines, int start)
    {
        var indent = Indent(lines[start]) + (lines[start].TrimStart().StartsWith("- ") ? 2 : 0);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
        {
            end++;
        }

        return end;
    }

    private static (string, byte[]) WithKeyLine(Random random, string text, Func<List<string>, int, string> edit)
    {
        var lines = Lines(text);
        var keys = KeyLines(lines);
        if (keys.Count == 0)
        {
            return ("no key found; appended `key: value`", Utf8(text + "\nkey: value\n"));
        }

        var index = keys[random.Next(keys.Count)];
        var detail = $"line {index + 1}: {Cut(lines[index])}; " + edit(lines, index);
        return (detail, Utf8(Join(lines)));
    }

    private static string Cut(string line) => line.Length > 60 ? line[..60] + "…" : line;

    private static (string, byte[]) DeleteKey(Random random, byte[] bytes, string text) =>
        WithKeyLine(random, text, (lines, index) =>
        {
            var whole = random.Next(2) == 0;
            var end = whole ? BlockEnd(lines, index) : index + 1;
            lines.RemoveRange(index, end - index);
            return whole ? $"removed with its {end - index - 1} nested lines" : "removed the line only";
        });

    private static (string, byte[]) DuplicateKey(Random random, byte[] bytes, string text) =>
        WithKeyLine(random, text, (lines, index) =>
        {
            var end = BlockEnd(lines, index);
            var block = lines.GetRange(index, end - index);
            lines.InsertRange(end, block);
            return $"duplicated with its {block.Count - 1} nested lines";
        });

    private static readonly string[] Values =
    [
        "{a: 1, b: [x, y]}", "[1, 2, 3]", "[]", "{}", "null", "~", "true", "3.5", "-1", "0x1F", "\"\"", "''", "!!binary aGk=",
        "!custom x", "*undefined", "&anchor value", "|\n", ">-", "\"unterminated", "[unclosed", "{unclosed", "? complex",
        "2001-12-14", ".inf", ".nan", "- item", "key: value: other", "@reserved", "`backtick", "%directive",
    ];

    private static (string, byte[]) RetypeScalar(Random random, byte[] bytes, string text) =>
        WithKeyLine(random, text, (lines, index) =>
        {
            var line = lines[index];
            var colon = KeyColon(line);
            var replacement = random.Next(3) switch
            {
                0 => Values[random.Next(Values.Length)],
                1 => "\n" + new string(' ', Indent(line) + 2) + "nested: map",
                _ => "\n" + new string(' ', Indent(line) + 2) + "- a list item",
            };
            lines[index] = line[..(colon + 1)] + " " + replacement;
            return $"value replaced by {Cut(replacement.Replace("\n", "\\n"))}";
        });

    private static (string, byte[]) RetypeBlock(Random random, byte[] bytes, string text) =>
        WithKeyLine(random, text, (lines, index) =>
        {
            var line = lines[index];
            var colon = KeyColon(line);
            var end = BlockEnd(lines, index);
            var replacement = Values[random.Next(Values.Length)];
            lines[index] = line[..(colon + 1)] + " " + replacement;
            lines.RemoveRange(index + 1, end - index - 1);
            return $"value and {end - index - 1} nested lines replaced by {Cut(replacement)}";
        });

    private static (string, byte[]) DeepNesting(Random random, byte[] bytes, string text)
    {
        var depth = random.Next(2) == 0 ? 10_000 : 150 + random.Next(200);
        var closed = random.Next(2) == 0;
        var (open, close, name) = random.Next(4) switch
        {
            0 => ("[", "]", "["),
            1 => ("{a: ", "}", "{"),
            2 => ("- ", "", "- "),
            _ => ("[{a: ", "}]", "[{"),
        };
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "x" + (closed ? string.Concat(Enumerable.Repeat(close, depth)) : "");
        var (detail, mutated) = ReplaceValue(random, text, nested);
        return ($"{depth} × `{name}` {(closed ? "closed" : "unclosed")}, {detail}", mutated);
    }

    /// <summary>Puts <paramref name="value"/> as the value of a random key (or as the whole file when there is none).</summary>
    private static (string, byte[]) ReplaceValue(Random random, string text, string value)
    {
        var lines = Lines(text);
        var keys = KeyLines(lines);
        if (keys.Count == 0 || random.Next(8) == 0)
        {
            return ("as the whole file", Utf8(value));
        }

        var index = keys[random.Next(keys.Count)];
        var end = BlockEnd(lines, index);
        var colon = KeyColon(lines[index]);
        var key = Cut(lines[index]);
        lines[index] = lines[index][..(colon + 1)] + " " + value;
        lines.RemoveRange(index + 1, end - index - 1);
        return ($"as the value at line {index + 1} ({key})", Utf8(Join(lines)));
    }

    private static (string, byte[]) HugeValue(Random random, byte[] bytes, string text)
    {
        var size = (2 + random.Next(3)) * 1024 * 1024;
        var quoted = random.Next(2) == 0;
        var body = new string((char)('a' + random.Next(26)), size);
        var (detail, mutated) = ReplaceValue(random, text, quoted ? $"\"{body}\"" : body);
        return ($"{size / 1024 / 1024} MB {(quoted ? "quoted" : "plain")} scalar {detail}", mutated);
    }

    private static (string, byte[]) AliasBomb(Random random, byte[] bytes, string text)
    {
        // The billion laughs: ten levels of ten aliases each to the level below, 10^10 strings if ever expanded.
        var levels = new List<string> { "&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var level = 1; level < 10; level++)
        {
            levels.Add($"&l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]");
        }

        var asMap = random.Next(2) == 0;
        var bomb = asMap
            ? "{" + string.Join(", ", levels.Select((l, i) => $"k{i}: {l}")) + "}"
            : "[" + string.Join(", ", levels) + "]";
        var (detail, mutated) = ReplaceValue(random, text, bomb);

        // Half the time a second key of the same file also points at the top of the bomb.
        if (random.Next(2) == 0 && !detail.StartsWith("as the whole", StringComparison.Ordinal))
        {
            var lines = Lines(Encoding.UTF8.GetString(mutated));
            var bombLine = lines.FindIndex(l => l.Contains("&l9", StringComparison.Ordinal));
            var later = KeyLines(lines).Where(i => i > bombLine).ToList();
            if (later.Count > 0)
            {
                var index = later[random.Next(later.Count)];
                var end = BlockEnd(lines, index);
                lines[index] = lines[index][..(KeyColon(lines[index]) + 1)] + " *l9";
                lines.RemoveRange(index + 1, end - index - 1);
                detail += $", and `*l9` at line {index + 1}";
                mutated = Utf8(Join(lines));
            }
        }

        return ($"{(asMap ? "map" : "list")} {detail}", mutated);
    }

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82],
        [0xF0, 0x9F, 0x98],
    ];

    private static byte[] InsertAt(byte[] bytes, int at, byte[] insert) => [.. bytes[..at], .. insert, .. bytes[at..]];

    private static (string, byte[]) InvalidUtf8(Random random, byte[] bytes, string text)
    {
        var bad = BadUtf8[random.Next(BadUtf8.Length)];
        var at = random.Next(bytes.Length + 1);
        return ($"{Convert.ToHexString(bad)} at byte {at}", InsertAt(bytes, at, bad));
    }

    private static (string, byte[]) Crlf(Random random, byte[] bytes, string text)
    {
        var all = random.Next(3) != 0;
        if (all)
        {
            return ("every line", Utf8(text.Replace("\r\n", "\n").Replace("\n", "\r\n")));
        }

        var lines = Lines(text);
        var index = random.Next(lines.Count);
        lines[index] += "\r";
        return ($"line {index + 1} only", Utf8(Join(lines)));
    }

    private static (string, byte[]) Bom(Random random, byte[] bytes, string text)
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        return random.Next(4) == 0
            ? ("twice", [.. bom, .. bom, .. bytes])
            : ("at the start", [.. bom, .. bytes]);
    }

    private static (string, byte[]) Tabs(Random random, byte[] bytes, string text)
    {
        var lines = Lines(text);
        var index = random.Next(lines.Count);
        var line = lines[index];
        var indent = Indent(line);
        var (detail, edited) = random.Next(3) switch
        {
            0 when indent > 0 => ("indentation replaced by a tab", "\t" + line[indent..]),
            1 => ("tab after the indentation", line[..indent] + "\t" + line[indent..]),
            _ => ("tab at the end", line + "\t"),
        };
        lines[index] = edited;
        return ($"line {index + 1}: {detail}", Utf8(Join(lines)));
    }

    private static (string, byte[]) NulBytes(Random random, byte[] bytes, string text)
    {
        var count = 1 + random.Next(3);
        var copy = bytes;
        var at = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var position = random.Next(copy.Length + 1);
            copy = InsertAt(copy, position, [0]);
            at.Add(position);
        }

        return ($"at bytes {string.Join(", ", at)}", copy);
    }
}
