namespace CIGen.Provider.Sdk.Expressions;

/// <summary>
/// The <c>${{ … }}</c> expressions of a bash script that stand inside single quotes, where bash expands nothing. Their
/// meaning differs between providers: GitHub hands an expression to the script as a variable (docs/config.md), which
/// single quotes keep literal, while a provider that writes the value into the script text (CircleCI's matrix values
/// and parameters) puts it there whatever the quotes.
/// </summary>
/// <remarks>
/// A small bash lexer: single quotes, double quotes (a single quote inside them is a character), backslash escapes
/// outside single quotes, <c>$'…'</c> strings (counted as single-quoted: they expand no variables either) and comments.
/// An expression is skipped as a whole (<see cref="EmbeddedExpression.Find"/>), so the quotes of its own string
/// literals (<c>${{ github.ref == 'refs/heads/main' }}</c>) do not count. Here-documents are read as ordinary text.
/// </remarks>
public static class SingleQuotedExpressions
{
    private enum Quoting
    {
        None,
        Single,
        Double,
    }

    public static IReadOnlyList<EmbeddedExpression> In(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var found = new List<EmbeddedExpression>();
        var quoting = Quoting.None;
        var ansi = false;
        for (var i = 0; i < script.Length; i++)
        {
            if (string.CompareOrdinal(script, i, EmbeddedExpression.Open, 0, EmbeddedExpression.Open.Length) == 0
                && EmbeddedExpression.Find(script, i) is { } expression)
            {
                if (quoting == Quoting.Single)
                {
                    found.Add(expression);
                }

                i = expression.End - 1;
                continue;
            }

            var c = script[i];
            switch (quoting)
            {
                case Quoting.Single when c == '\\' && ansi:
                    i++;
                    break;
                case Quoting.Single when c == '\'':
                    quoting = Quoting.None;
                    break;
                case Quoting.Double when c == '\\':
                    i++;
                    break;
                case Quoting.Double when c == '"':
                    quoting = Quoting.None;
                    break;
                case Quoting.None when c == '\\':
                    i++;
                    break;
                case Quoting.None when c == '\'':
                    quoting = Quoting.Single;
                    ansi = i > 0 && script[i - 1] == '$';
                    break;
                case Quoting.None when c == '"':
                    quoting = Quoting.Double;
                    break;
                case Quoting.None when c == '#' && (i == 0 || char.IsWhiteSpace(script[i - 1]) || script[i - 1] == ';'):
                    var end = script.IndexOf('\n', i);
                    i = end < 0 ? script.Length : end;
                    break;
            }
        }

        return found;
    }
}
