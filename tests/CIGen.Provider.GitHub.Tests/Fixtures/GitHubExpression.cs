using System.Globalization;
using System.Text.Json;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>
/// Evaluates the part of GitHub's expression language generated conditions use, with GitHub's semantics: <c>&amp;&amp;</c>
/// and <c>||</c> return an operand (not a boolean), strings compare ignoring case, <c>''</c>, <c>0</c>, <c>false</c> and
/// <c>null</c> are falsy. Contexts are given as dotted paths (<c>needs.test.result</c>, <c>needs.*.result</c>); status
/// functions read <c>status()</c>. So tests can check what a condition means, not only how it is spelled.
/// </summary>
internal sealed class GitHubExpression
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, object?> context;
    private int position;

    private GitHubExpression(string text, IReadOnlyDictionary<string, object?> context)
    {
        this.text = text;
        this.context = context;
    }

    /// <summary>The value of <paramref name="expression"/> (with or without <c>${{ }}</c>).</summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, object?> context)
    {
        var trimmed = expression.Trim();
        if (trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            trimmed = trimmed[3..^2];
        }

        var parser = new GitHubExpression(trimmed, context);
        var value = parser.Or();
        parser.SkipSpace();
        parser.position.Should().Be(trimmed.Length, $"the whole expression parses: {trimmed}");
        return value;
    }

    /// <summary>An <c>if:</c>: truthy or not; a status function is implied as GitHub does (<c>success()</c> when none is used).</summary>
    public static bool Holds(string condition, IReadOnlyDictionary<string, object?> context)
    {
        var usesStatus = new[] { "success()", "failure()", "always()", "cancelled()" }.Any(condition.Contains);
        var value = Truthy(Evaluate(condition, context));
        return usesStatus ? value : value && Truthy(Evaluate("success()", context));
    }

    /// <summary>Expands every <c>${{ x }}</c> in <paramref name="template"/>.</summary>
    public static string Interpolate(string template, IReadOnlyDictionary<string, object?> context)
    {
        var result = new System.Text.StringBuilder();
        var at = 0;
        while (template.IndexOf("${{", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = template.IndexOf("}}", start, StringComparison.Ordinal);
            result.Append(template, at, start - at).Append(Text(Evaluate(template[start..(end + 2)], context)));
            at = end + 2;
        }

        return result.Append(template, at, template.Length - at).ToString();
    }

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private object? Or()
    {
        var left = And();
        while (Take("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Take("&&"))
        {
            var right = Comparison();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Unary();
        if (Take("=="))
        {
            return Same(left, Unary());
        }

        return Take("!=") ? !Same(left, Unary()) : left;
    }

    private object? Unary() => Take("!") ? !Truthy(Unary()) : Primary();

    private object? Primary()
    {
        SkipSpace();
        if (Take("("))
        {
            var inner = Or();
            Take(")").Should().BeTrue($"a ')' at {position} of {text}");
            return inner;
        }

        if (text[position] == '\'')
        {
            var value = new System.Text.StringBuilder();
            position++;
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

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '.' or '_' or '-' or '*'))
        {
            position++;
        }

        var word = text[start..position];
        word.Should().NotBeEmpty($"an operand at {start} of {text}");
        if (Take("("))
        {
            var arguments = new List<object?>();
            while (!Take(")"))
            {
                arguments.Add(Or());
                Take(",");
            }

            return Call(word, arguments);
        }

        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => context.TryGetValue(word, out var value) ? value : null,
        };
    }

    private object? Call(string name, List<object?> arguments) => name switch
    {
        "success" or "failure" or "always" or "cancelled" => name == "always" || Equals(context.GetValueOrDefault("status()"), name),
        "contains" => arguments[0] is List<object?> items
            ? items.Any(i => Same(i, arguments[1]))
            : Text(arguments[0]).Contains(Text(arguments[1]), StringComparison.OrdinalIgnoreCase),
        "fromJSON" => FromJson(JsonDocument.Parse(Text(arguments[0])).RootElement),
        _ => throw new InvalidOperationException($"function {name} is not known to this evaluator"),
    };

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool Same(object? left, object? right) => (left, right) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
        (null, null) => true,
        _ => Equals(left, right),
    };

    private bool Take(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
        {
            return false;
        }

        // '!' is not the start of '!='.
        if (token == "!" && position + 1 < text.Length && text[position + 1] == '=')
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
