using System.Globalization;

namespace CIGen.Testing.Meaning;

/// <summary>
/// An evaluator of GitHub Actions expressions, written from GitHub's documentation for the tests: literals, contexts
/// (looked up by their full path; a missing one is null), <c>!</c>, <c>==</c>/<c>!=</c> (strings ignoring case, other
/// types compared as numbers), <c>&amp;&amp;</c>/<c>||</c> (which return an operand, as in JavaScript), and the functions
/// <c>startsWith</c>, <c>endsWith</c>, <c>contains</c>, <c>format</c> and the status functions (a job or step whose
/// predecessors succeeded: <c>success()</c> and <c>always()</c> hold). It is independent of cigen's own parser on
/// purpose: it reads the text GitHub would read.
/// </summary>
public sealed class GitHubExpression
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, object?> contexts;
    private int position;

    private GitHubExpression(string text, IReadOnlyDictionary<string, object?> contexts)
    {
        this.text = text;
        this.contexts = contexts;
    }

    /// <summary>The truth of an <c>if:</c> (with or without <c>${{ }}</c>); no condition is true.</summary>
    public static bool IsTrue(string? condition, IReadOnlyDictionary<string, object?> contexts)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var body = condition.Trim();
        if (body.StartsWith("${{", StringComparison.Ordinal) && body.EndsWith("}}", StringComparison.Ordinal))
        {
            body = body[3..^2];
        }

        var parser = new GitHubExpression(body, contexts);
        var value = parser.Or();
        parser.Space();
        if (parser.position != body.Length)
        {
            throw new FormatException($"unexpected text at {parser.position} in `{body}`");
        }

        return Truthy(value);
    }

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static bool LooseEquals(object? left, object? right)
    {
        if (left is string l && right is string r)
        {
            return string.Equals(l, r, StringComparison.OrdinalIgnoreCase);
        }

        if (left?.GetType() == right?.GetType() && left is not double)
        {
            return Equals(left, right);
        }

        var (a, b) = (Number(left), Number(right));
        return !double.IsNaN(a) && a == b;
    }

    private static double Number(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s when string.IsNullOrWhiteSpace(s) => 0,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
        _ => double.NaN,
    };

    private static string Str(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private object? Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Not();
        while (Accept("&&"))
        {
            var right = Not();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Not()
    {
        Space();
        if (Peek("!") && !Peek("!="))
        {
            position++;
            return !Truthy(Not());
        }

        var left = Primary();
        if (Accept("=="))
        {
            return LooseEquals(left, Primary());
        }

        if (Accept("!="))
        {
            return !LooseEquals(left, Primary());
        }

        return left;
    }

    private object? Primary()
    {
        Space();
        var c = text[position];
        if (c == '(')
        {
            position++;
            var inner = Or();
            Expect(")");
            return inner;
        }

        if (c == '\'')
        {
            position++;
            var value = new System.Text.StringBuilder();
            while (true)
            {
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        value.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return value.ToString();
                }

                value.Append(text[position++]);
            }
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = position++;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            return double.Parse(text[start..position], CultureInfo.InvariantCulture);
        }

        var nameStart = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-' or '.'))
        {
            position++;
        }

        var name = text[nameStart..position];
        Space();
        if (Peek("("))
        {
            position++;
            var arguments = new List<object?>();
            Space();
            if (!Accept(")"))
            {
                do
                {
                    arguments.Add(Or());
                }
                while (Accept(","));

                Expect(")");
            }

            return Call(name, arguments);
        }

        return name switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ => contexts.TryGetValue(name, out var value) ? value : null,
        };
    }

    private static object? Call(string name, List<object?> arguments) => name.ToLowerInvariant() switch
    {
        "startswith" => Str(arguments[0]).StartsWith(Str(arguments[1]), StringComparison.OrdinalIgnoreCase),
        "endswith" => Str(arguments[0]).EndsWith(Str(arguments[1]), StringComparison.OrdinalIgnoreCase),
        "contains" => Str(arguments[0]).Contains(Str(arguments[1]), StringComparison.OrdinalIgnoreCase),
        "format" => string.Format(CultureInfo.InvariantCulture, Str(arguments[0]), [.. arguments.Skip(1).Select(Str)]),
        "success" or "always" => true,
        "failure" or "cancelled" => false,
        _ => throw new NotSupportedException($"function {name}"),
    };

    private void Space()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private bool Accept(string token)
    {
        Space();
        if (!Peek(token))
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"expected `{token}` at {position} in `{text}`");
        }
    }
}
