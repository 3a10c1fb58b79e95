using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Expressions;

/// <summary>
/// What is known about a run when a condition is decided. Null members are unknown: the parts of a condition that test
/// them stay in the result of <see cref="ConditionMeaning.Reduce"/>.
/// </summary>
public sealed record RunFacts
{
    /// <summary>
    /// The branch the run builds — the pushed branch; for a pull request its head branch; for a schedule the default
    /// branch; for a manual run the branch it was started on — or <c>""</c> when it builds a tag.
    /// </summary>
    public string? Branch { get; init; }

    /// <summary>The pushed tag, or <c>""</c> when the run builds a branch or a pull request.</summary>
    public string? Tag { get; init; }

    /// <summary>The matrix leg's values (<c>matrix.X</c>).</summary>
    public IReadOnlyDictionary<string, Scalar>? Matrix { get; init; }

    /// <summary>The status functions whose answer is known, by name (<see cref="ConditionStatus"/>).</summary>
    public IReadOnlyDictionary<string, bool>? Statuses { get; init; }

    public static RunFacts OnBranch(string branch) => new() { Branch = branch, Tag = "" };

    public static RunFacts OnTag(string tag) => new() { Branch = "", Tag = tag };
}

/// <summary>
/// The meaning of a condition, the same for every provider: GitHub's expression semantics (truthiness, loose equality,
/// strings compared ignoring case) over cigen's operands — <c>branch</c> and <c>tag</c> (see <see cref="RunFacts"/>;
/// <c>''</c> is "not a branch" / "not a tag"), <c>matrix.X</c>, <c>startsWith</c>. Providers decide what they know at
/// generate time (a matrix leg's values, the ref kind a filter selects) and spell the rest.
/// </summary>
public static class ConditionMeaning
{
    public static readonly Condition True = new Condition.Raw("true");

    public static readonly Condition False = new Condition.Raw("false");

    public static bool IsTrue(Condition condition) => condition is Condition.Raw("true");

    public static bool IsFalse(Condition condition) => condition is Condition.Raw("false");

    /// <summary>True or false when the facts decide the condition; null when it still depends on something unknown.</summary>
    public static bool? Decide(Condition? condition, RunFacts facts)
    {
        if (condition is null)
        {
            return true;
        }

        var reduced = Reduce(condition, facts);
        return IsTrue(reduced) ? true : IsFalse(reduced) ? false : null;
    }

    /// <summary>
    /// The condition with every part the facts decide replaced by its answer and simplified: <see cref="True"/> or
    /// <see cref="False"/> when nothing unknown is left. Known operands become literals.
    /// </summary>
    public static Condition Reduce(Condition condition, RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(facts);
        return condition switch
        {
            Condition.And(var all) => Combine(all.Select(c => Reduce(c, facts)), stopAt: false),
            Condition.Or(var any) => Combine(any.Select(c => Reduce(c, facts)), stopAt: true),
            Condition.Not(var inner) => Reduce(inner, facts) is var r && IsConstant(r) ? Constant(!IsTrue(r)) : new Condition.Not(r),
            Condition.Status(var status) => facts.Statuses?.TryGetValue(status, out var known) == true ? Constant(known) : condition,
            Condition.Eq(var left, var right) => Test(left, right, facts, (l, r) => l.LooselyEquals(r), (l, r) => new Condition.Eq(l, r)),
            Condition.Ne(var left, var right) => Test(left, right, facts, (l, r) => !l.LooselyEquals(r), (l, r) => new Condition.Ne(l, r)),
            Condition.StartsWith(var value, var prefix) => Test(value, prefix, facts, (l, r) => l.StartsWith(r), (l, r) => new Condition.StartsWith(l, r)),
            _ => ValueOf(condition, facts) is { } value ? Constant(value.IsTrue) : condition,
        };
    }

    private static Condition Combine(IEnumerable<Condition> parts, bool stopAt)
    {
        var kept = new List<Condition>();
        foreach (var part in parts)
        {
            if (IsConstant(part))
            {
                if (IsTrue(part) == stopAt)
                {
                    return Constant(stopAt);
                }

                continue;
            }

            kept.Add(part);
        }

        return kept.Count switch
        {
            0 => Constant(!stopAt),
            1 => kept[0],
            _ => stopAt ? new Condition.Or(kept) : new Condition.And(kept),
        };
    }

    private static Condition Test(
        Condition left, Condition right, RunFacts facts, Func<ConditionValue, ConditionValue, bool> test, Func<Condition, Condition, Condition> rebuild)
    {
        var (l, r) = (ValueOf(left, facts), ValueOf(right, facts));
        if (l is { } lv && r is { } rv)
        {
            return Constant(test(lv, rv));
        }

        return rebuild(l is { } a ? Operand(a) : left, r is { } b ? Operand(b) : right);
    }

    /// <summary>The value of an operand the facts know; null for anything else (a combination, a raw context, <c>env.X</c>).</summary>
    private static ConditionValue? ValueOf(Condition operand, RunFacts facts) => operand switch
    {
        Condition.Literal(var text) => ConditionValue.Of(text),
        Condition.Raw("true") => ConditionValue.Of(true),
        Condition.Raw("false") => ConditionValue.Of(false),
        Condition.Raw("null") => ConditionValue.Null,
        Condition.Raw(var raw) when raw.Length > 0 && (char.IsAsciiDigit(raw[0]) || raw[0] == '-') => new ConditionValue(ScalarKind.Number, raw),
        Condition.Ref(ConditionRef.Branch) when facts.Branch is { } branch => ConditionValue.Of(branch),
        Condition.Ref(ConditionRef.Tag) when facts.Tag is { } tag => ConditionValue.Of(tag),
        Condition.Matrix(var name) when facts.Matrix is { } matrix =>
            matrix.TryGetValue(name, out var value) ? ConditionValue.Of(value) : ConditionValue.Null,
        _ => null,
    };

    private static Condition Operand(ConditionValue value) => value.Kind switch
    {
        ScalarKind.String => new Condition.Literal(value.Text),
        null => new Condition.Raw("null"),
        _ => new Condition.Raw(value.Text),
    };

    private static bool IsConstant(Condition condition) => IsTrue(condition) || IsFalse(condition);

    private static Condition Constant(bool value) => value ? True : False;
}
