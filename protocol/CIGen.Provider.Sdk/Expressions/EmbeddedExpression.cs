namespace CIGen.Provider.Sdk.Expressions;

/// <summary>A GitHub expression embedded in text: <c>${{ … }}</c> from <see cref="Start"/> to <see cref="End"/> (exclusive).</summary>
/// <param name="Inner">The text between the braces, trimmed.</param>
public readonly record struct EmbeddedExpression(int Start, int End, string Inner)
{
    public const string Open = "${{";
    public const string Close = "}}";

    /// <summary>
    /// The next <c>${{ … }}</c> at or after <paramref name="from"/>. A <c>}}</c> inside a quoted string literal of the
    /// expression does not end it; an unterminated expression is no expression (null). One scanner for every place
    /// that looks for expressions in user text, so all of them agree on where one ends.
    /// </summary>
    public static EmbeddedExpression? Find(string text, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(Open, from, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var inQuote = false;
        for (var i = start + Open.Length; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                inQuote = !inQuote; // '' (an escaped quote) toggles twice
            }
            else if (!inQuote && string.CompareOrdinal(text, i, Close, 0, Close.Length) == 0)
            {
                return new EmbeddedExpression(start, i + Close.Length, text[(start + Open.Length)..i].Trim());
            }
        }

        return null;
    }
}
