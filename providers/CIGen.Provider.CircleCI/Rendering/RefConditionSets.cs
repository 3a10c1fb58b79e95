using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Turns a condition over one ref (<c>branch</c> on a branch pipeline, <c>tag</c> on a tag pipeline — never empty
/// there) into the set of names it accepts: tests of the name against literals (<c>==</c>, <c>!=</c>,
/// <c>startsWith</c>) under <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>. The condition is put in disjunctive normal
/// form; each conjunction is at most one accepted name or prefix minus rejected ones. When every conjunction rejects the
/// same names the set is an only/ignore filter, as people write it; otherwise each conjunction becomes one pattern with
/// a negative lookahead.
/// </summary>
internal static class RefConditionSets
{
    private sealed record Test(bool Prefix, string Value, bool Positive)
    {
        public string Pattern => RefPatterns.Literal(Value) + (Prefix ? ".*" : "");

        public string Specifier => Prefix ? $"/^{Pattern}$/" : Value;
    }

    /// <returns>The set, or null when the condition tests something other than <paramref name="refName"/> against a literal.</returns>
    public static RefSet? Compile(Condition condition, string refName)
    {
        var terms = Disjunction(condition, refName, positive: true);
        if (terms is null)
        {
            return null;
        }

        var conjunctions = WithoutSubsumed(terms.Select(Simplify).OfType<List<Test>>().ToList());
        if (conjunctions.Count == 0)
        {
            return RefSet.None;
        }

        if (conjunctions.Any(c => c.Count == 0))
        {
            return RefSet.Any;
        }

        var rejected = conjunctions.Select(c => c.Where(t => !t.Positive).Select(t => t.Specifier).Order(StringComparer.Ordinal).ToList()).ToList();
        if (rejected.All(r => r.SequenceEqual(rejected[0])))
        {
            var only = conjunctions.Select(c => c.FirstOrDefault(t => t.Positive)).ToList();
            return RefSet.Of(new RefFilter
            {
                Only = only.Any(t => t is null) ? [] : [.. only.Select(t => t!.Specifier).Distinct()],
                Ignore = [.. conjunctions[0].Where(t => !t.Positive).Select(t => t.Specifier).Distinct()],
            });
        }

        return RefSet.Of(new RefFilter { Only = [.. conjunctions.Select(Lookahead).Distinct()] });
    }

    /// <summary><c>/^(?!(?:a|b.*)$)v.*$/</c>: the accepted name or prefix (anything when none) unless it is a rejected one.</summary>
    private static string Lookahead(List<Test> conjunction)
    {
        var accepted = conjunction.FirstOrDefault(t => t.Positive)?.Pattern ?? ".*";
        var rejected = string.Join("|", conjunction.Where(t => !t.Positive).Select(t => t.Pattern));
        return rejected.Length == 0 ? $"/^{accepted}$/" : $"/^(?!(?:{rejected})$){accepted}$/";
    }

    /// <summary>The condition (or its negation) as a list of conjunctions of tests; null when it is not about the ref alone.</summary>
    private static List<List<Test>>? Disjunction(Condition condition, string refName, bool positive)
    {
        switch (condition)
        {
            case Condition.Raw("true" or "false"):
                return ConditionMeaning.IsTrue(condition) == positive ? [[]] : [];
            case Condition.Not(var inner):
                return Disjunction(inner, refName, !positive);
            case Condition.And or Condition.Or when condition is Condition.And == positive:
                // All of them (or, negated, none of any of them).
                return Product(ConditionNodes.Children(condition).Select(c => Disjunction(c, refName, positive)));
            case Condition.And or Condition.Or:
                var parts = ConditionNodes.Children(condition).Select(c => Disjunction(c, refName, positive)).ToList();
                return parts.Any(p => p is null) ? null : [.. parts.SelectMany(p => p!)];
            case Condition.Eq(var left, var right) when Literal(left, right, refName) is { } value:
                return Atom(new Test(Prefix: false, value, positive));
            case Condition.Ne(var left, var right) when Literal(left, right, refName) is { } value:
                return Atom(new Test(Prefix: false, value, !positive));
            case Condition.StartsWith(Condition.Ref(var name), Condition.Literal(var prefix)) when name == refName:
                return Atom(new Test(Prefix: true, prefix, positive));
            default:
                return null;
        }
    }

    /// <summary>A pipeline's ref is never empty: <c>== ''</c> never holds, <c>startsWith(x, '')</c> always does.</summary>
    private static List<List<Test>> Atom(Test test) => test switch
    {
        { Value.Length: 0, Prefix: false } => test.Positive ? [] : [[]],
        { Value.Length: 0, Prefix: true } => test.Positive ? [[]] : [],
        _ => [[test]],
    };

    private static string? Literal(Condition left, Condition right, string refName) => (left, right) switch
    {
        (Condition.Ref(var name), Condition.Literal(var value)) when name == refName => value,
        (Condition.Literal(var value), Condition.Ref(var name)) when name == refName => value,
        _ => null,
    };

    private static List<List<Test>>? Product(IEnumerable<List<List<Test>>?> factors)
    {
        List<List<Test>> result = [[]];
        foreach (var factor in factors)
        {
            if (factor is null)
            {
                return null;
            }

            result = [.. result.SelectMany(left => factor.Select(right => left.Concat(right).ToList()))];
        }

        return result;
    }

    /// <summary>At most one positive test (the narrowest) and the negative tests that still remove something; null when nothing matches.</summary>
    private static List<Test>? Simplify(List<Test> conjunction)
    {
        var positives = conjunction.Where(t => t.Positive).ToList();
        Test? accepted = null;
        foreach (var test in positives.OrderBy(t => t.Prefix).ThenByDescending(t => t.Value.Length))
        {
            if (accepted is null)
            {
                accepted = test;
            }
            else if (!Covers(test, accepted))
            {
                return null;
            }
        }

        var rejected = new List<Test>();
        foreach (var test in conjunction.Where(t => !t.Positive).Distinct())
        {
            var positiveForm = test with { Positive = true };
            if (accepted is not null && Covers(positiveForm, accepted))
            {
                return null;
            }

            if (accepted is null || Overlaps(positiveForm, accepted))
            {
                rejected.Add(test);
            }
        }

        return accepted is null ? rejected : [accepted, .. rejected];
    }

    /// <summary>The conjunctions no other one already covers: <c>a || !b</c> is <c>!b</c>.</summary>
    private static List<List<Test>> WithoutSubsumed(List<List<Test>> conjunctions)
    {
        var kept = new List<List<Test>>();
        for (var i = 0; i < conjunctions.Count; i++)
        {
            var x = conjunctions[i];
            var covered = conjunctions.Where((y, j) => j != i && Within(x, y) && (!Within(y, x) || j < i)).Any();
            if (!covered)
            {
                kept.Add(x);
            }
        }

        return kept;
    }

    /// <summary>Every name conjunction <paramref name="x"/> accepts, <paramref name="y"/> accepts too.</summary>
    private static bool Within(List<Test> x, List<Test> y)
    {
        var xAccepted = x.FirstOrDefault(t => t.Positive);
        var yAccepted = y.FirstOrDefault(t => t.Positive);
        if (yAccepted is not null && (xAccepted is null || !Covers(yAccepted, xAccepted)))
        {
            return false;
        }

        return y.Where(t => !t.Positive).All(rejected =>
            x.Contains(rejected) || (xAccepted is not null && !Overlaps(rejected with { Positive = true }, xAccepted)));
    }

    /// <summary>Every name <paramref name="inner"/> accepts is accepted by <paramref name="outer"/>.</summary>
    private static bool Covers(Test outer, Test inner) =>
        outer.Prefix ? inner.Value.StartsWith(outer.Value, StringComparison.Ordinal) : !inner.Prefix && inner.Value == outer.Value;

    private static bool Overlaps(Test a, Test b) => Covers(a, b) || Covers(b, a);
}
