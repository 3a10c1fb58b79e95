using System.Buffers;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>The one way cigen writes a bash word: as it is when bash would read it unchanged, else single-quoted.</summary>
public static class ShellWords
{
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@%+=,-");

    /// <summary>A bash word that is exactly <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && !text.AsSpan().ContainsAnyExcept(Plain))
        {
            return text;
        }

        if (text.AsSpan().ContainsAnyInRange('\0', '\x1f'))
        {
            // A record is one line, so a word with a line break (a multi-line version command) is written $'...'.
            var escaped = new System.Text.StringBuilder("$'");
            foreach (var c in text)
            {
                escaped.Append(c switch
                {
                    '\\' => "\\\\",
                    '\'' => "\\'",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    < ' ' => "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            return escaped.Append('\'').ToString();
        }

        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and joined by single spaces: one record of a runtime spec.</summary>
    public static string Line(params IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
