using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The part of a step's condition that CircleCI decides before the job runs, as a CircleCI logic statement for a
/// <c>when</c> step. A test of the ref: <c>tag == 'v1'</c> → <c>equal: [v1, &lt;&lt; pipeline.git.tag &gt;&gt;]</c>,
/// <c>startsWith(tag, 'v')</c> → <c>matches: {pattern: ^v.*$, value: &lt;&lt; pipeline.git.tag &gt;&gt;}</c>, with
/// <c>and</c>, <c>or</c>, <c>not</c>. CircleCI leaves <c>pipeline.git.tag</c> empty on a branch pipeline and
/// <c>pipeline.git.branch</c> on a tag pipeline, so <c>''</c> keeps cigen's meaning. A test of matrix values in a
/// command's step (<see cref="CommandMatrixConditions"/>) → the boolean parameter each leg decides:
/// <c>&lt;&lt; parameters.if_os_is_linux &gt;&gt;</c>. The rest of the condition (a status function) stays on the step
/// itself.
/// </summary>
internal static class StepRefConditions
{
    /// <summary>
    /// The condition with its constants decided (<see cref="ConditionMeaning.Reduce"/>), as the terms of a top-level
    /// <c>&amp;&amp;</c> that test only the ref and matrix values, and the others; (null, null) when it is true, null when
    /// it is false: the step is left out.
    /// </summary>
    public static (Condition? Decided, Condition? Others)? Split(Condition condition)
    {
        condition = ConditionMeaning.Reduce(condition, new RunFacts());
        if (ConditionMeaning.IsFalse(condition))
        {
            return null;
        }

        if (ConditionMeaning.IsTrue(condition))
        {
            return (null, null);
        }

        IReadOnlyList<Condition> terms = condition is Condition.And(var all) ? all : [condition];
        return (Join([.. terms.Where(IsDecided)]), Join([.. terms.Where(t => !IsDecided(t))]));

        static Condition? Join(List<Condition> parts) => parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new Condition.And(parts),
        };
    }

    /// <param name="test">The parameter reference for a test of matrix values (<see cref="CommandMatrixConditions"/>).</param>
    public static YamlNode Logic(Condition condition, Func<Condition, string> test) => condition switch
    {
        _ when CommandMatrixConditions.IsTest(condition) => YamlScalar.String(test(condition)),
        Condition.And(var all) => new YamlMapping { { "and", new YamlSequence(all.Select(c => Logic(c, test))) } },
        Condition.Or(var any) => new YamlMapping { { "or", new YamlSequence(any.Select(c => Logic(c, test))) } },
        Condition.Not(var inner) => new YamlMapping { { "not", Logic(inner, test) } },
        Condition.Eq(var left, var right) => Equal(left, right),
        Condition.Ne(var left, var right) => new YamlMapping { { "not", Equal(left, right) } },
        Condition.StartsWith(Condition.Ref(var name), Condition.Literal(var prefix)) => new YamlMapping
        {
            { "matches", new YamlMapping { { "pattern", $"^{RefPatterns.Literal(prefix)}.*$" }, { "value", Value(name) } } },
        },
        Condition.Raw("true" or "false") => YamlScalar.Boolean(ConditionMeaning.IsTrue(condition)),
        _ => throw new InvalidOperationException("only tests of the ref and of matrix values become logic statements"),
    };

    private static bool IsDecided(Condition condition) => CommandMatrixConditions.IsTest(condition) || condition switch
    {
        Condition.And(var all) => all.All(IsDecided),
        Condition.Or(var any) => any.All(IsDecided),
        Condition.Not(var inner) => IsDecided(inner),
        Condition.Eq(var left, var right) => RefAndLiteral(left, right) is not null,
        Condition.Ne(var left, var right) => RefAndLiteral(left, right) is not null,
        Condition.StartsWith(Condition.Ref, Condition.Literal) => true,
        _ => false,
    };

    private static YamlNode Equal(Condition left, Condition right)
    {
        var (name, literal) = RefAndLiteral(left, right) ?? throw new InvalidOperationException("only tests of the ref and of matrix values become logic statements");
        return new YamlMapping { { "equal", new YamlFlowSequence([YamlScalar.String(literal), YamlScalar.String(Value(name))]) } };
    }

    private static (string Ref, string Literal)? RefAndLiteral(Condition left, Condition right) => (left, right) switch
    {
        (Condition.Ref(var name), Condition.Literal(var value)) => (name, value),
        (Condition.Literal(var value), Condition.Ref(var name)) => (name, value),
        _ => null,
    };

    private static string Value(string refName) => refName == ConditionRef.Tag ? "<< pipeline.git.tag >>" : "<< pipeline.git.branch >>";
}
