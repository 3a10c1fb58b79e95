using System.Globalization;
using System.Text;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>Spells a single-line scalar in the style <see cref="ScalarPolicy"/> chose.</summary>
internal static class ScalarFormatter
{
    public static string Inline(string text, ScalarStyle style) => style switch
    {
        ScalarStyle.Plain => text,
        ScalarStyle.SingleQuoted => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        ScalarStyle.DoubleQuoted => DoubleQuoted(text),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "A literal block is not an inline scalar."),
    };

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Characters outside the BMP stay as UTF-8, not \U escapes: people read these files.
                sb.Append(c).Append(text[++i]);
                continue;
            }

            var escape = c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                '\u001B' => "\\e",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ => null,
            };
            if (escape is not null)
            {
                sb.Append(escape);
            }
            else if (ScalarPolicy.IsPrintableAsIs(c))
            {
                sb.Append(c);
            }
            else if (c <= '\u00FF')
            {
                sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }
}
