using System.Text;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as canonical YAML text: two-space indentation, sequences indented under their
/// key, keys in insertion order, scalar styles from <see cref="ScalarPolicy"/>, <c>\n</c> line endings, one final
/// newline, no trailing spaces, no anchors, no <c>---</c>/<c>...</c> markers, no line folding.
/// Hand-written because YamlDotNet's emitter cannot write blank lines or bare <c>key:</c> without a trailing space.
/// </summary>
public static class YamlWriter
{
    private const int IndentStep = 2;

    /// <summary>No line is longer, where the writer can help it: a reviewer reads a diff without scrolling.</summary>
    public const int MaxLineLength = 200;

    /// <summary>Where a folded string's lines break (near, at a space): a long condition reads as a paragraph.</summary>
    private const int FoldWidth = 120;

    /// <param name="root">A mapping or a block sequence.</param>
    public static string Write(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var writer = new Writer();
        switch (root)
        {
            case YamlMapping { Count: 0 }:
                return "{}\n";
            case YamlMapping mapping:
                writer.Mapping(mapping, 0, continuesLine: false);
                break;
            case YamlSequence { Count: 0 }:
                return "[]\n";
            case YamlSequence sequence:
                writer.Sequence(sequence, 0, continuesLine: false);
                break;
            default:
                throw new ArgumentException("A document root must be a mapping or a sequence.", nameof(root));
        }

        return writer.ToString();
    }

    /// <summary>The one-line text of a flow sequence, e.g. to decide whether a list is short enough to write inline.</summary>
    public static string FlowText(YamlFlowSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return "[" + string.Join(", ", sequence.Items.Select(FlowItem)) + "]";
    }

    private static string FlowItem(YamlScalar scalar) => scalar.Type switch
    {
        YamlScalarType.Null => "null",
        YamlScalarType.String => ScalarFormatter.Inline(scalar.Text, ScalarPolicy.Choose(scalar.Text, ScalarPlace.FlowItem)),
        _ => scalar.Text,
    };

    private static string Key(YamlEntry entry) => ScalarFormatter.Inline(
        entry.Key, ScalarPolicy.Choose(entry.Key, entry.VerbatimKey ? ScalarPlace.Yaml12Key : ScalarPlace.Key));

    private sealed class Writer
    {
        private readonly StringBuilder text = new();

        // A `|+` block keeps the empty lines that follow it, so an empty line written after it would change its value.
        private bool lastValueKeepsTrailingLines;

        public override string ToString() => text.ToString();

        /// <param name="continuesLine">The first entry goes on the current line, after a sequence dash.</param>
        public void Mapping(YamlMapping mapping, int indent, bool continuesLine)
        {
            for (var i = 0; i < mapping.Count; i++)
            {
                var entry = mapping.Entries[i];
                if (i > 0 && entry.BlankLineBefore && !lastValueKeepsTrailingLines)
                {
                    text.Append('\n');
                }

                if (i > 0 || !continuesLine)
                {
                    text.Append(' ', indent);
                }

                text.Append(Key(entry)).Append(':');
                Value(entry.Value, indent);
            }
        }

        public void Sequence(YamlSequence sequence, int indent, bool continuesLine)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                if (i > 0 || !continuesLine)
                {
                    text.Append(' ', indent);
                }

                text.Append('-');
                switch (sequence.Items[i])
                {
                    case YamlMapping { Count: > 0 } mapping:
                        text.Append(' ');
                        Mapping(mapping, indent + IndentStep, continuesLine: true);
                        break;
                    case YamlSequence { Count: > 0 } nested:
                        text.Append(' ');
                        Sequence(nested, indent + IndentStep, continuesLine: true);
                        break;
                    default:
                        Value(sequence.Items[i], indent);
                        break;
                }
            }
        }

        /// <summary>Writes a value after <c>key:</c> or <c>-</c>; <paramref name="parentIndent"/> is that key's or dash's column.</summary>
        private void Value(YamlNode node, int parentIndent)
        {
            lastValueKeepsTrailingLines = false;
            switch (node)
            {
                case YamlScalar { Type: YamlScalarType.Null }:
                    text.Append('\n');
                    break;
                case YamlScalar { Type: YamlScalarType.String } scalar:
                    StringValue(scalar.Text, parentIndent);
                    break;
                case YamlScalar scalar:
                    text.Append(' ').Append(scalar.Text).Append('\n');
                    break;
                case YamlFlowSequence flow when Column + 1 + FlowText(flow).Length <= MaxLineLength:
                    text.Append(' ').Append(FlowText(flow)).Append('\n');
                    break;
                case YamlFlowSequence flow:
                    // Too long for one line: the same items as a block sequence.
                    text.Append('\n');
                    Sequence(new YamlSequence(flow.Items), parentIndent + IndentStep, continuesLine: false);
                    break;
                case YamlMapping { Count: 0 }:
                    text.Append(" {}\n");
                    break;
                case YamlMapping mapping:
                    text.Append('\n');
                    Mapping(mapping, parentIndent + IndentStep, continuesLine: false);
                    break;
                case YamlSequence { Count: 0 }:
                    text.Append(" []\n");
                    break;
                case YamlSequence sequence:
                    text.Append('\n');
                    Sequence(sequence, parentIndent + IndentStep, continuesLine: false);
                    break;
                default:
                    throw new ArgumentException($"Unknown YAML node type {node.GetType().Name}.", nameof(node));
            }
        }

        private void StringValue(string value, int parentIndent)
        {
            var style = ScalarPolicy.Choose(value, ScalarPlace.Value);
            if (style != ScalarStyle.Literal)
            {
                var inline = ScalarFormatter.Inline(value, style);
                if (Column + 1 + inline.Length > MaxLineLength && Fold(value) is { Count: > 1 } lines)
                {
                    FoldedBlock(lines, parentIndent + IndentStep);
                    return;
                }

                text.Append(' ').Append(inline).Append('\n');
                return;
            }

            LiteralBlock(value, parentIndent + IndentStep);
        }

        /// <summary>The column the next character goes to.</summary>
        private int Column
        {
            get
            {
                var at = text.Length;
                while (at > 0 && text[at - 1] != '\n')
                {
                    at--;
                }

                return text.Length - at;
            }
        }

        /// <summary>
        /// <paramref name="value"/> cut at single spaces into lines of about <see cref="FoldWidth"/>, which a folded
        /// block (<c>&gt;-</c>) joins back with one space each — the same string. Null when it cannot be folded back
        /// exactly: a line break, a space at either end, a character that needs escapes, or no space to cut at.
        /// </summary>
        private static List<string>? Fold(string value)
        {
            if (value.Length == 0 || value.Contains('\n') || value[0] is ' ' or '\t' || value[^1] is ' ' or '\t' || ScalarPolicy.NeedsEscapes(value))
            {
                return null;
            }

            var lines = new List<string>();
            var start = 0;
            var lastCut = -1;
            var lastOperatorCut = -1;
            void Cut()
            {
                // After an `&&` or `||` when one is in the second half of the line, so a condition breaks between terms.
                var at = lastOperatorCut > start + (FoldWidth / 2) ? lastOperatorCut : lastCut;
                lines.Add(value[start..at]);
                start = at + 1;
            }

            for (var i = 1; i < value.Length - 1; i++)
            {
                // A cut only at a space between two other characters: a line must neither start nor end in blanks.
                if (value[i] == ' ' && value[i - 1] is not (' ' or '\t') && value[i + 1] is not (' ' or '\t'))
                {
                    if (i - start > FoldWidth && lastCut > start)
                    {
                        Cut();
                    }

                    lastCut = i;
                    if (i >= 2 && value.AsSpan(i - 2, 2) is "&&" or "||")
                    {
                        lastOperatorCut = i;
                    }
                }
            }

            if (value.Length - start > FoldWidth && lastCut > start)
            {
                Cut();
            }

            lines.Add(value[start..]);
            return lines;
        }

        private void FoldedBlock(List<string> lines, int contentIndent)
        {
            text.Append(" >-\n");
            foreach (var line in lines)
            {
                text.Append(' ', contentIndent).Append(line).Append('\n');
            }
        }

        private void LiteralBlock(string value, int contentIndent)
        {
            var trailingBreaks = value.Length - value.TrimEnd('\n').Length;
            var body = value[..^trailingBreaks];
            var lines = body.Split('\n');

            text.Append(" |");
            // YAML detects the content indentation from the first non-empty line; when that line itself starts with a
            // space the indentation must be stated.
            if (lines.FirstOrDefault(l => l.Length > 0) is { } first && first[0] == ' ')
            {
                text.Append(IndentStep);
            }

            text.Append(trailingBreaks switch { 0 => "-", 1 => "", _ => "+" }).Append('\n');
            foreach (var line in lines)
            {
                if (line.Length > 0)
                {
                    text.Append(' ', contentIndent).Append(line);
                }

                text.Append('\n');
            }

            // `|+` keeps every line break after the content: the one ending the last line plus one empty line each.
            for (var i = 1; i < trailingBreaks; i++)
            {
                text.Append('\n');
            }

            lastValueKeepsTrailingLines = trailingBreaks > 1;
        }
    }
}
