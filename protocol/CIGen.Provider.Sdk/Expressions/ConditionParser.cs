using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Expressions;

/// <summary>
/// Parses an <c>if:</c> — GitHub's expression language, with or without a wrapping <c>${{ }}</c> — into a
/// <see cref="Condition"/>. Precedence, loosest first: <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, <c>==</c>/<c>!=</c>;
/// parentheses group. What the core gives meaning to (status functions, <c>branch</c>, <c>tag</c>, <c>env.X</c>,
/// <c>matrix.X</c>, string literals) becomes a node of its own; other contexts and function calls stay raw text.
/// </summary>
public sealed class ConditionParser
{
    /// <summary>Contexts GitHub's expressions know; a path starting with anything else is most likely a typo.</summary>
    private static readonly string[] Contexts =
        ["github", "env", "vars", "job", "jobs", "steps", "runner", "secrets", "strategy", "matrix", "needs", "inputs"];

    private static readonly string[] Statuses =
        [ConditionStatus.Success, ConditionStatus.Failure, ConditionStatus.Always, ConditionStatus.Cancelled];

    private readonly string text;
    private readonly int end;
    private int position;

    private ConditionParser(string text, int start, int end)
    {
        this.text = text;
        this.end = end;
        position = start;
    }

    /// <returns>The tree, null for an empty condition; or the first syntax error.</returns>
    public static (Condition? Condition, ConditionSyntaxError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = Body(text);
        var open = text.IndexOf("${{", start, end - start, StringComparison.Ordinal);
        if (open >= 0)
        {
            return (null, new ConditionSyntaxError(open, "`${{` inside the condition: wrap the whole condition in one `${{ }}`, or leave the wrapping out"));
        }

        var parser = new ConditionParser(text, start, end);
        try
        {
            parser.SkipSpace();
            if (parser.position == end)
            {
                return (null, null);
            }

            var condition = parser.Or();
            parser.SkipSpace();
            if (parser.position < end)
            {
                throw parser.Fail($"unexpected `{parser.Describe()}` after a complete condition; join conditions with `&&` or `||`");
            }

            return (condition, null);
        }
        catch (SyntaxException error)
        {
            return (null, error.Error);
        }
    }

    /// <summary>The range inside a wrapping <c>${{ }}</c>, or the whole text.</summary>
    private static (int Start, int End) Body(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (text.AsSpan(start, end - start).StartsWith("${{", StringComparison.Ordinal)
            && text.AsSpan(start, end - start).EndsWith("}}", StringComparison.Ordinal) && end - start >= 5)
        {
            return (start + 3, end - 2);
        }

        return (start, end);
    }

    private Condition Or()
    {
        var first = And();
        var all = new List<Condition> { first };
        while (Accept("||"))
        {
            all.Add(And());
        }

        return all.Count == 1 ? first : new Condition.Or(all);
    }

    private Condition And()
    {
        var first = Unary();
        var all = new List<Condition> { first };
        while (Accept("&&"))
        {
            all.Add(Unary());
        }

        return all.Count == 1 ? first : new Condition.And(all);
    }

    private Condition Unary()
    {
        SkipSpace();
        if (Peek("!") && !Peek("!="))
        {
            position++;
            return new Condition.Not(Unary());
        }

        return Comparison();
    }

    private Condition Comparison()
    {
        var left = Primary();
        SkipSpace();
        var equal = Accept("==");
        if (!equal && !Accept("!="))
        {
            RejectOtherOperators();
            return left;
        }

        var right = Primary();
        SkipSpace();
        if (Peek("==") || Peek("!="))
        {
            throw Fail("comparisons do not chain; compare two operands, then combine the results with `&&` or `||`");
        }

        RejectOtherOperators();
        return equal ? new Condition.Eq(left, right) : new Condition.Ne(left, right);
    }

    private void RejectOtherOperators()
    {
        if (Peek("<") || Peek(">"))
        {
            throw Fail($"`{(Peek("<=") || Peek(">=") ? text.Substring(position, 2) : text[position].ToString())}` is not supported; conditions compare strings with `==` and `!=`");
        }

        if (Peek("&") && !Peek("&&") || Peek("|") && !Peek("||") || Peek("="))
        {
            throw Fail($"unknown operator `{text[position]}`; use `&&`, `||`, `==` or `!=`");
        }
    }

    private Condition Primary()
    {
        SkipSpace();
        if (position >= end)
        {
            throw Fail("the condition ends where an operand belongs; complete it, e.g. `branch == 'main'`");
        }

        var c = text[position];
        if (c == '(')
        {
            var open = position++;
            var inner = Or();
            SkipSpace();
            if (!Accept(")"))
            {
                throw position >= end
                    ? new SyntaxException(new ConditionSyntaxError(open, "this `(` is never closed; add `)`"))
                    : Fail($"expected `)` but found `{Describe()}`");
            }

            return inner;
        }

        if (c == '\'')
        {
            return new Condition.Literal(StringLiteral());
        }

        if (c == '"')
        {
            throw Fail("strings are written in single quotes ('main'); double quotes are not part of the expression language");
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = position;
            while (position < end && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '.' or '-' or '+'))
            {
                position++;
            }

            return new Condition.Raw(text[start..position]);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Name();
        }

        throw Fail(c == ')' ? "unexpected `)` where an operand belongs" : $"unexpected `{Describe()}` where an operand belongs");
    }

    private string StringLiteral()
    {
        var open = position++;
        var value = new System.Text.StringBuilder();
        while (position < end)
        {
            if (text[position] == '\'')
            {
                if (position + 1 < end && text[position + 1] == '\'')
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

        throw new SyntaxException(new ConditionSyntaxError(open, "this string is never closed; end it with `'` (write `''` for a quote inside)"));
    }

    /// <summary>A context path (<c>github.event.pull_request.labels.*.name</c>, <c>steps.x.outputs['y']</c>), a keyword or a function call.</summary>
    private Condition Name()
    {
        var start = position;
        var head = Identifier();
        SkipSpace();
        if (Peek("("))
        {
            return Call(start, head);
        }

        position = start + head.Length;
        var segments = new List<string> { head };
        while (position < end)
        {
            if (text[position] == '.')
            {
                position++;
                if (position < end && text[position] == '*')
                {
                    position++;
                    segments.Add("*");
                }
                else if (position < end && (char.IsAsciiLetter(text[position]) || text[position] == '_'))
                {
                    segments.Add(Identifier());
                }
                else
                {
                    throw Fail($"expected a property name after `.` in `{text[start..position]}`");
                }
            }
            else if (text[position] == '[')
            {
                position++;
                SkipSpace();
                if (position < end && text[position] == '\'')
                {
                    segments.Add(StringLiteral());
                }
                else if (position < end && text[position] == '*')
                {
                    position++;
                    segments.Add("*");
                }
                else if (position < end && char.IsAsciiDigit(text[position]))
                {
                    var index = position;
                    while (position < end && char.IsAsciiDigit(text[position]))
                    {
                        position++;
                    }

                    segments.Add(text[index..position]);
                }
                else
                {
                    throw Fail("expected a quoted name, an index or `*` inside `[ ]`");
                }

                SkipSpace();
                if (!Accept("]"))
                {
                    throw Fail("expected `]`");
                }
            }
            else
            {
                break;
            }
        }

        var path = text[start..position];
        return (segments.Count, head) switch
        {
            (1, ConditionRef.Branch or ConditionRef.Tag) => new Condition.Ref(head),
            (1, "true" or "false" or "null") => new Condition.Raw(head),
            (2, "env") when path[3] == '.' => new Condition.Env(segments[1]),
            (2, "matrix") when path[6] == '.' => new Condition.Matrix(segments[1]),
            _ when Contexts.Contains(head, StringComparer.Ordinal) => new Condition.Raw(path),
            _ => throw new SyntaxException(new ConditionSyntaxError(start,
                $"unknown name `{head}`; a condition uses `branch`, `tag`, `env.X`, `matrix.X`, a GitHub context "
                + $"({string.Join(", ", Contexts.Select(c => $"`{c}`"))}), a function call or a string in single quotes")),
        };
    }

    private Condition Call(int start, string name)
    {
        var open = position;
        if (Statuses.Contains(name, StringComparer.Ordinal))
        {
            position++;
            SkipSpace();
            if (!Accept(")"))
            {
                throw Fail($"`{name}()` takes no arguments");
            }

            return new Condition.Status(name);
        }

        if (name.Equals("startsWith", StringComparison.OrdinalIgnoreCase) && PrefixTest() is { } prefix)
        {
            return prefix;
        }

        position = open;
        // Another function (contains, format, …): kept as written, string-aware so a ')' in a literal does not end it.
        var depth = 0;
        while (position < end)
        {
            var c = text[position];
            if (c == '\'')
            {
                StringLiteral();
                continue;
            }

            position++;
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return new Condition.Raw(text[start..position]);
            }
        }

        throw new SyntaxException(new ConditionSyntaxError(open, $"the `(` of `{name}(` is never closed; add `)`"));
    }

    /// <summary>
    /// <c>startsWith(a, b)</c> over operands the core gives meaning to (<c>branch</c>, <c>tag</c>, <c>matrix.X</c>,
    /// <c>env.X</c>, strings), as a node; null (position unspecified) for anything else, which stays raw.
    /// </summary>
    private Condition? PrefixTest()
    {
        position++;
        try
        {
            var value = Primary();
            if (!Accept(","))
            {
                return null;
            }

            var prefix = Primary();
            return Accept(")") && Meaningful(value) && Meaningful(prefix) ? new Condition.StartsWith(value, prefix) : null;
        }
        catch (SyntaxException)
        {
            return null;
        }

        static bool Meaningful(Condition operand) =>
            operand is Condition.Ref or Condition.Literal or Condition.Matrix or Condition.Env;
    }

    private string Identifier()
    {
        var start = position;
        while (position < end && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-'))
        {
            position++;
        }

        return text[start..position];
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (!Peek(token))
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private bool Peek(string token) => position + token.Length <= end && string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private void SkipSpace()
    {
        while (position < end && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private string Describe() => position >= end ? "end" : text[position..Math.Min(end, position + 10)].Split(' ')[0];

    private SyntaxException Fail(string message) => new(new ConditionSyntaxError(position, message));

    private sealed class SyntaxException(ConditionSyntaxError error) : Exception(error.Message)
    {
        public ConditionSyntaxError Error { get; } = error;
    }
}
