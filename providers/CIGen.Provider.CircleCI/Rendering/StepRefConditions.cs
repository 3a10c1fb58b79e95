using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The part of a step's condition that tests the ref, as a CircleCI logic statement for a <c>when</c> step:
/// <c>tag == 'v1'</c> → <c>equal: [v1, &lt;&lt; pipeline.git.tag &gt;&gt;]</c>, <c>startsWith(tag, 'v')</c> →
/// <c>matches: {pattern: ^v.*$, value: &lt;&lt; pipeline.git.tag &gt;&gt;}</c>, with <c>and</c>, <c>or</c>, <c>not</c>.
/// CircleCI leaves <c>pipeline.git.tag</c> empty on a branch pipeline and <c>pipeline.git.branch</c> on a tag pipeline, so
/// <c>''</c> keeps cigen's meaning. The rest of the condition (a status function) stays on the step itself.
/// </summary>
internal static class StepRefConditions
{
    /// <summary>The terms of a top-level <c>&amp;&amp;</c> that test only the ref, and the others; (null, condition) when none do.</summary>
    public static (Condition? Refs, Condition? Others) Split(Condition condition)
    {
        var terms = condition.And ?? [condition];
        var refs = terms.Where(IsRefTest).ToList();
        var rest = terms.Where(t => !IsRefTest(t)).ToList();
        return (Join(refs), Join(rest));

        static Condition? Join(List<Condition> parts) => parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => Condition.AllOf(parts),
        };
    }

    public static YamlNode Logic(Condition condition) => condition switch
    {
        { And: { } all } => new YamlMapping { { "and", new YamlSequence(all.Select(Logic)) } },
        { Or: { } any } => new YamlMapping { { "or", new YamlSequence(any.Select(Logic)) } },
        { Not: { } inner } => new YamlMapping { { "not", Logic(inner) } },
        { Eq: { } operands } => Equal(operands),
        { Ne: { } operands } => new YamlMapping { { "not", Equal(operands) } },
        { StartsWith: [{ Ref: { } name }, { Literal: { } prefix }] } => new YamlMapping
        {
            { "matches", new YamlMapping { { "pattern", $"^{RefPatterns.Literal(prefix)}.*$" }, { "value", Value(name) } } },
        },
        { Raw: "true" or "false" } => YamlScalar.Boolean(condition.Raw == "true"),
        _ => throw new InvalidOperationException("only ref tests become logic statements"),
    };

    private static bool IsRefTest(Condition condition) => condition switch
    {
        { And: { } all } => all.All(IsRefTest),
        { Or: { } any } => any.All(IsRefTest),
        { Not: { } inner } => IsRefTest(inner),
        { Eq: { } equal } => RefAndLiteral(equal) is not null,
        { Ne: { } differ } => RefAndLiteral(differ) is not null,
        { StartsWith: [{ Ref: not null }, { Literal: not null }] } => true,
        _ => false,
    };

    private static YamlNode Equal(IReadOnlyList<Condition> operands)
    {
        var (name, literal) = RefAndLiteral(operands) ?? throw new InvalidOperationException("only ref tests become logic statements");
        return new YamlMapping { { "equal", new YamlFlowSequence([YamlScalar.String(literal), YamlScalar.String(Value(name))]) } };
    }

    private static (string Ref, string Literal)? RefAndLiteral(IReadOnlyList<Condition> operands) => operands switch
    {
        [{ Ref: { } name }, { Literal: { } value }] => (name, value),
        [{ Literal: { } value }, { Ref: { } name }] => (name, value),
        _ => null,
    };

    private static string Value(string refName) => refName == ConditionRef.Tag ? "<< pipeline.git.tag >>" : "<< pipeline.git.branch >>";
}
