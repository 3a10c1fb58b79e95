using System.Globalization;
using System.Text;

namespace CIGen.Core.Generation;

/// <summary>
/// Text a provider sent, as cigen's messages quote it: one line the terminal shows as it is, whatever the bytes —
/// a line break, a tab or another control character is written as its escape (<c>\n</c>, <c>\t</c>, <c>\u001b</c>).
/// </summary>
public static class MessageText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl) && !text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
