using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CIGen.Testing.Meaning;

/// <summary>
/// The tests' evaluator of GitHub Actions expressions, written from GitHub's documentation
/// (https://docs.github.com/en/actions/learn-github-actions/expressions) and independent of cigen's own parser on
/// purpose: it reads the text GitHub would read, so tests check what a condition means, not only how it is spelled.
/// <list type="bullet">
/// <item>Literals <c>true</c>, <c>false</c>, <c>null</c>, <c>NaN</c>, <c>Infinity</c>, numbers (JSON's, <c>0xff</c>,
/// <c>0o17</c>) and <c>'strings'</c> (<c>''</c> is a quote).</item>
/// <item>Operators, tightest first: <c>( )</c>, <c>[ ]</c>, <c>.</c> (with the <c>*</c> filter), <c>!</c>,
/// <c>&lt; &lt;= &gt; &gt;=</c>, <c>== !=</c>, <c>&amp;&amp;</c>, <c>||</c>; <c>&amp;&amp;</c> and <c>||</c> return an
/// operand, as in JavaScript, and do not evaluate the other when the first decides.</item>
/// <item>Comparison: strings ignore case; values of different types are compared as numbers (null and <c>''</c> are
/// 0, <c>true</c> 1, a non-numeric string, array or object NaN, which equals nothing); arrays and objects are equal only
/// to themselves. Falsy: <c>false</c>, <c>0</c>, <c>-0</c>, NaN, <c>''</c> and <c>null</c>.</item>
/// <item>Functions (names ignore case): <c>contains</c> (substring or array element), <c>startsWith</c>,
/// <c>endsWith</c>, <c>format</c>, <c>join</c>, <c>toJSON</c>, <c>fromJSON</c> and the status functions
/// <c>success()</c>, <c>failure()</c>, <c>cancelled()</c>, <c>always()</c>. An <c>if:</c> (<see cref="Holds"/>) that calls
/// no status function means <c>success() &amp;&amp; (…)</c>.</item>
/// </list>
/// Contexts are given by their dotted paths (<c>github.ref</c>, <c>needs.test.result</c>); a value may also be an
/// array (<see cref="IReadOnlyList{T}"/>) or an object (a string-keyed dictionary). Paths ignore case; a path nobody gave
/// is null; <c>needs</c> is the object of every path under it, so <c>needs.*.result</c> collects each job's result. A
/// path given as spelled wins, even one with a wildcard (<c>needs.*.result</c> given as a list). The key
/// <see cref="StatusKey"/> holds the job's status so far, <c>success</c> (when missing), <c>failure</c> or
/// <c>cancelled</c>, which the status functions read.
/// </summary>
public sealed class GitHubExpression
{
    /// <summary>The context key holding the status the status functions read: success (the default), failure or cancelled.</summary>
    public const string StatusKey = "status()";

    private static readonly string[] StatusFunctions = ["success", "failure", "cancelled", "always"];

    private readonly string text;
    private readonly Dictionary<string, object?> contexts;
    private int position;
    private bool callsStatusFunction;

    private GitHubExpression(string text, Dictionary<string, object?> contexts)
    {
        this.text = text;
        this.contexts = contexts;
    }

    private enum Kind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>The value of <paramref name="expression"/>, bare or inside <c>${{ }}</c>: null, bool, double, string, array or object.</summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, object?> contexts) => Parse(expression, contexts).Value();

    /// <summary>
    /// Whether an <c>if:</c> (bare or inside <c>${{ }}</c>) lets its job or step run: its value is truthy and, unless it
    /// calls a status function, <c>success()</c> holds. No condition at all is <c>success()</c>.
    /// </summary>
    public static bool Holds(string? condition, IReadOnlyDictionary<string, object?> contexts)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return Status(contexts) == "success";
        }

        var (value, callsStatusFunction) = Parse(condition, contexts);
        return (callsStatusFunction || Status(contexts) == "success") && Truthy(value());
    }

    /// <summary>Expands every <c>${{ }}</c> in <paramref name="template"/> to its value as a string.</summary>
    public static string Interpolate(string template, IReadOnlyDictionary<string, object?> contexts)
    {
        var result = new StringBuilder();
        var at = 0;
        while (template.IndexOf("${{", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = Close(template, start + 3);
            result.Append(template, at, start - at).Append(ToText(Parse(template[(start + 3)..end], contexts).Value()));
            at = end + 2;
        }

        return result.Append(template, at, template.Length - at).ToString();
    }

    public static bool Truthy(object? value) => Canonical(value) switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    /// <summary><c>==</c>: strings ignoring case, other types coerced to numbers, arrays and objects only to themselves.</summary>
    public static bool LooseEquals(object? left, object? right)
    {
        var (l, r, kind, rightKind) = Coerce(Canonical(left), Canonical(right));
        return kind == rightKind && kind switch
        {
            Kind.Null => true,
            Kind.Boolean => (bool)l! == (bool)r!,
            Kind.Number => (double)l! == (double)r!,
            Kind.String => string.Equals((string)l!, (string)r!, StringComparison.OrdinalIgnoreCase),
            _ => ReferenceEquals(l, r),
        };
    }

    /// <summary>A value as GitHub writes it into a string: null is empty, numbers in invariant form, arrays "Array", objects "Object".</summary>
    public static string ToText(object? value) => Canonical(value) switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        string s => s,
        IReadOnlyList<object?> => "Array",
        _ => "Object",
    };

    private static (Func<object?> Value, bool CallsStatusFunction) Parse(string expression, IReadOnlyDictionary<string, object?> contexts)
    {
        var body = expression.Trim();
        if (body.StartsWith("${{", StringComparison.Ordinal) && Close(body, 3) == body.Length - 2)
        {
            body = body[3..^2];
        }

        var parser = new GitHubExpression(body, new Dictionary<string, object?>(contexts, StringComparer.OrdinalIgnoreCase));
        var value = parser.Or();
        parser.Space();
        if (parser.position != body.Length)
        {
            throw parser.Error("an operator or the end");
        }

        return (value, parser.callsStatusFunction);
    }

    /// <summary>Where the <c>}}</c> closing an expression that starts at <paramref name="from"/> is (string literals may hold <c>}}</c>).</summary>
    private static int Close(string template, int from)
    {
        for (var i = from; i < template.Length - 1; i++)
        {
            if (template[i] == '\'')
            {
                i = template.IndexOf('\'', i + 1);
                if (i < 0)
                {
                    break;
                }
            }
            else if (template[i] == '}' && template[i + 1] == '}')
            {
                return i;
            }
        }

        throw new FormatException($"no `}}}}` closes the expression at {from} in `{template}`");
    }

    private static string Status(IReadOnlyDictionary<string, object?> contexts)
    {
        var status = contexts.TryGetValue(StatusKey, out var given) ? ToText(given) : "success";
        return status is "success" or "failure" or "cancelled"
            ? status
            : throw new ArgumentException($"`{StatusKey}` is success, failure or cancelled, not `{status}`", nameof(contexts));
    }

    private Func<object?> Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var (first, second) = (left, And());
            left = () => first() is var value && Truthy(value) ? value : second();
        }

        return left;
    }

    private Func<object?> And()
    {
        var left = Equality();
        while (Accept("&&"))
        {
            var (first, second) = (left, Equality());
            left = () => first() is var value && !Truthy(value) ? value : second();
        }

        return left;
    }

    private Func<object?> Equality()
    {
        var left = Comparison();
        while (true)
        {
            var (first, negated) = (left, Accept("!="));
            if (!negated && !Accept("=="))
            {
                return left;
            }

            var second = Comparison();
            left = () => LooseEquals(first(), second()) != negated;
        }
    }

    private Func<object?> Comparison()
    {
        var left = Unary();
        while (new[] { "<=", ">=", "<", ">" }.FirstOrDefault(Accept) is { } op)
        {
            var (first, second) = (left, Unary());
            left = () =>
            {
                var (a, b) = (first(), second());
                var order = Compare(a, b);
                return op switch
                {
                    "<" => order < 0,
                    ">" => order is > 0 and < int.MaxValue,
                    "<=" => order < 0 || LooseEquals(a, b),
                    _ => order is > 0 and < int.MaxValue || LooseEquals(a, b),
                };
            };
        }

        return left;
    }

    private Func<object?> Unary()
    {
        Space();
        if (Peek("!") && !Peek("!="))
        {
            position++;
            var operand = Unary();
            return () => !Truthy(operand());
        }

        return Postfix();
    }

    /// <summary>A primary followed by <c>.name</c>, <c>.*</c>, <c>[index]</c> and <c>[*]</c>; a context path is looked up as spelled first.</summary>
    private Func<object?> Postfix()
    {
        var (value, indexable, path) = Primary();
        while (indexable)
        {
            Space();
            string? segment;
            Func<object?>? index = null;
            if (Accept("."))
            {
                Space();
                segment = Accept("*") ? "*" : Keyword() is var name && IsName(name) ? name : throw Error("a property name or `*`");
            }
            else if (Accept("["))
            {
                Space();
                if (Accept("*"))
                {
                    segment = "*";
                }
                else
                {
                    // A quoted name (github['ref']) is a path segment like .ref; any other index is evaluated.
                    var start = position;
                    segment = Peek("'") && StringLiteral() is var literal && Accept("]") && literal != "*" && !literal.Contains('.') ? literal : null;
                    position = start;
                    index = Or();
                }

                Expect("]");
            }
            else
            {
                break;
            }

            var (target, spelled) = (value, path is null || segment is null ? null : $"{path}.{segment}");
            var key = index ?? (() => segment);
            var wildcard = segment == "*" && index is null;
            value = () => spelled is not null && contexts.TryGetValue(spelled, out var given) ? Canonical(given) : Index(target(), key(), wildcard);
            path = spelled;
        }

        return value;
    }

    private (Func<object?> Value, bool Indexable, string? Path) Primary()
    {
        Space();
        if (position >= text.Length)
        {
            throw Error("an operand");
        }

        var c = text[position];
        if (c == '(')
        {
            position++;
            var inner = Or();
            Expect(")");
            return (inner, true, null);
        }

        if (c == '\'')
        {
            var literal = StringLiteral();
            return (() => literal, false, null);
        }

        if (c is '-' or '+' or '.' || char.IsAsciiDigit(c))
        {
            var start = position++;
            while (position < text.Length && (text[position] == '.' || !IsBoundary(text[position])))
            {
                position++;
            }

            var number = ParseNumber(text[start..position]);
            return double.IsNaN(number) ? throw Error("a number", start) : (() => number, false, null);
        }

        var wordStart = position;
        var word = Keyword();
        if (!IsName(word))
        {
            throw Error("an operand", wordStart);
        }

        object? constant = word switch
        {
            "true" => true,
            "false" => false,
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            _ => null,
        };
        if (constant is not null || word == "null")
        {
            return (() => constant, false, null);
        }

        Space();
        if (!Accept("("))
        {
            return (() => contexts.TryGetValue(word, out var given) ? Canonical(given) : Subtree(word), true, word);
        }

        var arguments = new List<Func<object?>>();
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

        return (Call(word, arguments, wordStart), true, null);
    }

    private Func<object?> Call(string name, List<Func<object?>> arguments, int at)
    {
        var function = name.ToLowerInvariant();
        var (least, most) = function switch
        {
            "contains" or "startswith" or "endswith" => (2, 2),
            "format" => (1, int.MaxValue),
            "join" => (1, 2),
            "tojson" or "fromjson" => (1, 1),
            _ when StatusFunctions.Contains(function) => (0, 0),
            _ => throw new NotSupportedException($"function {name} at {at} in `{text}`"),
        };
        if (arguments.Count < least || arguments.Count > most)
        {
            throw Error($"{least}{(most == least ? "" : most == int.MaxValue ? " or more" : $" to {most}")} arguments to {name}", at);
        }

        if (StatusFunctions.Contains(function))
        {
            callsStatusFunction = true;
            var status = Status(contexts);
            return () => function == "always" || function == status;
        }

        object? Argument(int i) => arguments[i]();
        return function switch
        {
            "contains" => () => Contains(Argument(0), Argument(1)),
            "startswith" => () => Primitive(Argument(0), Argument(1), (a, b) => a.StartsWith(b, StringComparison.OrdinalIgnoreCase)),
            "endswith" => () => Primitive(Argument(0), Argument(1), (a, b) => a.EndsWith(b, StringComparison.OrdinalIgnoreCase)),
            "format" => () => Format(ToText(Argument(0)), [.. arguments.Skip(1)]),
            "join" => () => Join(Argument(0), arguments.Count > 1 ? Argument(1) : ","),
            "tojson" => () => ToJson(Argument(0)),
            _ => () => FromJson(JsonDocument.Parse(ToText(Argument(0))).RootElement),
        };
    }

    private static bool Contains(object? search, object? item) => (Canonical(search), Canonical(item)) switch
    {
        (IReadOnlyList<object?> items, var wanted) => items.Any(i => LooseEquals(i, wanted)),
        (var text, var wanted) when IsPrimitive(text) && IsPrimitive(wanted) => ToText(text).Contains(ToText(wanted), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool Primitive(object? left, object? right, Func<string, string, bool> test) =>
        IsPrimitive(Canonical(left)) && IsPrimitive(Canonical(right)) && test(ToText(left), ToText(right));

    /// <summary><c>format</c>: <c>{N}</c> is argument N, <c>{{</c> and <c>}}</c> are braces; anything else is an error.</summary>
    private static string Format(string format, List<Func<object?>> arguments)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                result.Append(c);
                i++;
            }
            else if (c == '{' && format.IndexOf('}', i) is var close and > 0
                && int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                result.Append(n < arguments.Count ? ToText(arguments[n]()) : throw new FormatException($"format `{format}` has no argument {n}"));
                i = close;
            }
            else if (c is '{' or '}')
            {
                throw new FormatException($"format `{format}` has an unmatched `{c}` at {i}");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string Join(object? items, object? separator) => Canonical(items) switch
    {
        IReadOnlyList<object?> list => string.Join(IsPrimitive(Canonical(separator)) ? ToText(separator) : ",", list.Select(ToText)),
        var value when IsPrimitive(value) => ToText(value),
        _ => "",
    };

    private static string ToJson(object? value)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());

        static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (Canonical(value))
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case double d when double.IsFinite(d):
                    writer.WriteNumberValue(d);
                    break;
                case double d:
                    writer.WriteRawValue(d.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case IReadOnlyList<object?> list:
                    writer.WriteStartArray();
                    foreach (var item in list)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case IReadOnlyDictionary<string, object?> obj:
                    writer.WriteStartObject();
                    foreach (var (key, item) in obj)
                    {
                        writer.WritePropertyName(key);
                        Write(writer, item);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            (obj, property) =>
            {
                obj[property.Name] = FromJson(property.Value);
                return obj;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The context object made of every given path under <paramref name="prefix"/> (null when none is).</summary>
    private Dictionary<string, object?>? Subtree(string prefix)
    {
        Dictionary<string, object?>? root = null;
        foreach (var (key, value) in contexts)
        {
            var segments = key.Split('.');
            if (!string.Equals(segments[0], prefix, StringComparison.OrdinalIgnoreCase) || segments.Length == 1 || segments.Contains("*"))
            {
                continue;
            }

            var node = root ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var segment in segments[1..^1])
            {
                if (!node.TryGetValue(segment, out var child) || child is not Dictionary<string, object?> inner)
                {
                    node[segment] = inner = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                }

                node = inner;
            }

            node[segments[^1]] = value;
        }

        return root;
    }

    /// <summary>
    /// <c>target[index]</c> and <c>target.name</c>: an object's property (ignoring case), an array's element; <c>*</c>
    /// makes a filtered array of every value, and indexing a filtered array indexes each of its items.
    /// </summary>
    private static object? Index(object? target, object? index, bool wildcard)
    {
        index = Canonical(index);
        switch (Canonical(target))
        {
            case FilteredArray filtered:
                var result = new FilteredArray();
                foreach (var item in filtered.Select(Canonical))
                {
                    if (wildcard && item is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>)
                    {
                        result.AddRange(Values(item));
                    }
                    else if (!wildcard && Element(item, index, out var value))
                    {
                        result.Add(value);
                    }
                }

                return result;
            case var collection when wildcard:
                return new FilteredArray(collection is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> ? Values(collection) : []);
            case var collection:
                return Element(collection, index, out var element) ? element : null;
        }

        static IEnumerable<object?> Values(object? collection) =>
            collection is IReadOnlyDictionary<string, object?> obj ? obj.Values : (IReadOnlyList<object?>)collection!;
    }

    private static bool Element(object? collection, object? index, out object? value)
    {
        value = null;
        if (collection is IReadOnlyDictionary<string, object?> obj && IsPrimitive(index))
        {
            var name = ToText(index);
            var key = obj.ContainsKey(name) ? name : obj.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            value = key is null ? null : Canonical(obj[key]);
            return key is not null;
        }

        if (collection is IReadOnlyList<object?> list && ToNumber(index) is var number && number >= 0 && Math.Floor(number) < list.Count)
        {
            value = Canonical(list[(int)Math.Floor(number)]);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The order of two values for <c>&lt;</c> and <c>&gt;</c> after coercion (strings ignoring case); <see cref="int.MaxValue"/>
    /// when they have none (NaN, different kinds, arrays, objects), which no comparison accepts.
    /// </summary>
    private static int Compare(object? left, object? right)
    {
        var (l, r, kind, rightKind) = Coerce(Canonical(left), Canonical(right));
        return kind != rightKind ? int.MaxValue : kind switch
        {
            Kind.Number when double.IsNaN((double)l!) || double.IsNaN((double)r!) => int.MaxValue,
            Kind.Number => ((double)l!).CompareTo((double)r!),
            Kind.String => Math.Sign(string.Compare((string)l!, (string)r!, StringComparison.OrdinalIgnoreCase)),
            Kind.Boolean => ((bool)l!).CompareTo((bool)r!),
            _ => int.MaxValue,
        };
    }

    /// <summary>Values of different kinds meet as numbers: a string next to a number, and null or a boolean next to anything.</summary>
    private static (object? Left, object? Right, Kind LeftKind, Kind RightKind) Coerce(object? left, object? right)
    {
        var (l, r) = (KindOf(left), KindOf(right));
        if (l == r)
        {
            return (left, right, l, r);
        }

        if (l == Kind.Number && r == Kind.String)
        {
            return (left, ToNumber(right), l, l);
        }

        if (l == Kind.String && r == Kind.Number)
        {
            return (ToNumber(left), right, r, r);
        }

        if (l is Kind.Boolean or Kind.Null)
        {
            return Coerce(ToNumber(left), right);
        }

        return r is Kind.Boolean or Kind.Null ? Coerce(left, ToNumber(right)) : (left, right, l, r);
    }

    private static Kind KindOf(object? value) => value switch
    {
        null => Kind.Null,
        bool => Kind.Boolean,
        double => Kind.Number,
        string => Kind.String,
        IReadOnlyList<object?> => Kind.Array,
        _ => Kind.Object,
    };

    private static bool IsPrimitive(object? value) => KindOf(Canonical(value)) is Kind.Null or Kind.Boolean or Kind.Number or Kind.String;

    private static double ToNumber(object? value) => Canonical(value) switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s => ParseNumber(s),
        _ => double.NaN,
    };

    /// <summary>A string as a number, as JavaScript's <c>Number()</c>: blank is 0, JSON numbers, <c>0x</c> hex, <c>0o</c> octal, ±Infinity; else NaN.</summary>
    private static double ParseNumber(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return 0;
        }

        if (double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (s.Length > 2 && s[0] == '0' && s[1] == 'x' && s.Skip(2).All(char.IsAsciiHexDigit))
        {
            return int.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : double.NaN;
        }

        if (s.Length > 2 && s[0] == '0' && s[1] == 'o' && s.Skip(2).All(c => c is >= '0' and <= '7'))
        {
            try
            {
                return Convert.ToInt32(s[2..], 8);
            }
            catch (OverflowException)
            {
                return double.NaN;
            }
        }

        return s switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.NaN,
        };
    }

    /// <summary>Numbers as doubles, objects as string-keyed dictionaries, other sequences as arrays.</summary>
    private static object? Canonical(object? value) => value switch
    {
        null or bool or double or string or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => value,
        int or long or short or byte or sbyte or uint or ulong or ushort or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        IDictionary obj => obj.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => obj[k], StringComparer.OrdinalIgnoreCase),
        IEnumerable sequence => sequence.Cast<object?>().ToList(),
        _ => value,
    };

    private string StringLiteral()
    {
        var start = position++;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '\'')
            {
                if (position >= text.Length || text[position] != '\'')
                {
                    return value.ToString();
                }

                position++;
            }

            value.Append(c);
        }

        throw Error("a closing quote", start);
    }

    private string Keyword()
    {
        var start = position;
        while (position < text.Length && !IsBoundary(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    /// <summary>A legal name: a letter or <c>_</c>, then letters, digits, <c>_</c> and <c>-</c>.</summary>
    private static bool IsName(string word) =>
        word.Length > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_') && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool IsBoundary(char c) => c is '(' or '[' or ')' or ']' or ',' or '.' or '!' or '>' or '<' or '=' or '&' or '|' || char.IsWhiteSpace(c);

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
            throw Error($"`{token}`");
        }
    }

    private FormatException Error(string expected, int? at = null) => new($"expected {expected} at {at ?? position} in `{text}`");

    /// <summary>What <c>*</c> makes: indexing it indexes each item.</summary>
    private sealed class FilteredArray : List<object?>
    {
        public FilteredArray()
        {
        }

        public FilteredArray(IEnumerable<object?> items)
            : base(items)
        {
        }
    }
}
