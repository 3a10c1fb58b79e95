using System.Text.RegularExpressions;
using CIGen.Provider.CircleCI.Model;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The branches (or tags) a job runs for: none, all, or those an only/ignore filter accepts. Specifiers are CircleCI's:
/// an exact name, or a Java regular expression between slashes that must match the whole name.
/// </summary>
internal sealed record RefSet
{
    public const string Everything = "/.*/";

    private RefSet(RefFilter? filter, bool all)
    {
        Filter = filter;
        All = all;
    }

    public static RefSet None { get; } = new(null, all: false);

    public static RefSet Any { get; } = new(null, all: true);

    /// <summary>Set when the set is neither <see cref="None"/> nor <see cref="Any"/>.</summary>
    public RefFilter? Filter { get; }

    public bool All { get; }

    public bool IsNone => Filter is null && !All;

    public static RefSet Of(RefFilter filter) =>
        filter.Ignore.Contains(Everything) ? None
        : filter.Ignore.Count == 0 && (filter.Only.Count == 0 || filter.Only.Contains(Everything)) ? Any
        : new RefSet(filter, all: false);

    /// <summary>A workflow filter as written: null branches mean every branch; <paramref name="noneWhenMissing"/> for tags (none unless listed).</summary>
    public static RefSet FromFilter(RefFilter? filter, bool noneWhenMissing) =>
        filter is null ? noneWhenMissing ? None : Any : Of(filter);

    /// <summary>The refs in both sets.</summary>
    public RefSet Intersect(RefSet other)
    {
        if (IsNone || other.IsNone)
        {
            return None;
        }

        if (All || other.All)
        {
            return All ? other : this;
        }

        var (a, b) = (Filter!, other.Filter!);
        IReadOnlyList<string> only = (a.Only.Count, b.Only.Count) switch
        {
            (0, _) => b.Only,
            (_, 0) => a.Only,
            _ => [.. a.Only.SelectMany(x => b.Only.Select(y => Both(x, y))).OfType<string>().Distinct()],
        };
        if (a.Only.Count > 0 && b.Only.Count > 0 && only.Count == 0)
        {
            return None;
        }

        return Of(new RefFilter { Only = only, Ignore = [.. a.Ignore.Concat(b.Ignore).Distinct()] });
    }

    /// <summary>Spelled as a job's <c>branches:</c> filter, where a missing filter means every branch.</summary>
    public RefFilter? AsBranches() => All ? null : Filter ?? new RefFilter { Ignore = [Everything] };

    /// <summary>Spelled as a job's <c>tags:</c> filter, where a missing filter means no tag.</summary>
    public RefFilter? AsTags() => IsNone ? null : Filter ?? new RefFilter { Only = [Everything] };

    /// <summary>A specifier matching what both match: an exact name the other accepts, or both patterns at once.</summary>
    private static string? Both(string x, string y)
    {
        if (!IsPattern(x))
        {
            return Matches(y, x) ? x : null;
        }

        if (!IsPattern(y))
        {
            return Matches(x, y) ? y : null;
        }

        if (x == y || Within(x, y))
        {
            return x;
        }

        if (Within(y, x))
        {
            return y;
        }

        // Two prefixes (`v*` under a trigger's `*`): one prefix again, as a reader would write it, not a lookahead.
        if (Prefixed(x) is { } p && Prefixed(y) is { } q)
        {
            return PrefixedBoth(p, q);
        }

        return $"/(?=(?:{x[1..^1]})$)(?:{y[1..^1]})/";
    }

    /// <summary>A pattern <c>/^lit.*$/</c> or <c>/^lit[^/]*$/</c>: its literal prefix (as escaped) and whether the rest may hold a '/'.</summary>
    private sealed record Prefix(string Literal, bool AnyRest);

    private static Prefix? Prefixed(string pattern)
    {
        var body = pattern[1..^1];
        foreach (var (rest, anyRest) in new[] { (".*$", true), ("[^/]*$", false) })
        {
            if (body.StartsWith('^') && body.EndsWith(rest, StringComparison.Ordinal) && body[1..^rest.Length] is var literal && RefPatterns.IsLiteral(literal))
            {
                return new Prefix(literal, anyRest);
            }
        }

        return null;
    }

    /// <summary>
    /// The refs both prefixes accept: the longer literal, with a rest that may hold a '/' only when both allow it; null
    /// when none (neither literal starts the other, or the longer one's extra text has a '/' the other rules out).
    /// </summary>
    private static string? PrefixedBoth(Prefix p, Prefix q)
    {
        var (shorter, longer) = p.Literal.Length <= q.Literal.Length ? (p, q) : (q, p);
        if (!longer.Literal.StartsWith(shorter.Literal, StringComparison.Ordinal))
        {
            return null;
        }

        if (!shorter.AnyRest && longer.Literal[shorter.Literal.Length..].Contains('/'))
        {
            return null;
        }

        return $"/^{longer.Literal}{(p.AnyRest && q.AnyRest ? ".*" : "[^/]*")}$/";
    }

    /// <summary>
    /// A pattern certainly inside a prefix pattern <c>/^p.*$/</c> (what <c>startsWith</c> gives): one that starts with
    /// <c>^</c> and the literal <c>p</c>, such as the trigger's <c>v*</c> (<c>/^v[^/]*$/</c>) inside <c>/^v.*$/</c>.
    /// </summary>
    private static bool Within(string pattern, string prefixPattern)
    {
        var body = prefixPattern[1..^1];
        if (!body.StartsWith('^') || !body.EndsWith(".*$", StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = body[1..^3];
        var inner = pattern[1..^1];
        if (!inner.StartsWith('^') || !RefPatterns.IsLiteral(prefix) || !inner[1..].StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // `^v1\.*` is not "v1." followed by anything: a quantifier after the prefix applies to its last character.
        var next = 1 + prefix.Length;
        return next >= inner.Length || inner[next] is not ('*' or '+' or '?' or '{' or '|');
    }

    public static bool IsPattern(string specifier) => specifier.Length > 2 && specifier[0] == '/' && specifier[^1] == '/';

    /// <summary>A CircleCI specifier against a name: equal to an exact name, or the pattern matching the whole name.</summary>
    public static bool Matches(string specifier, string name) =>
        IsPattern(specifier)
            ? Regex.IsMatch(name, $"^(?:{specifier[1..^1]})$", RegexOptions.None, TimeSpan.FromSeconds(1))
            : specifier == name;
}
