using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A test of matrix values in the condition of a command's step. Each leg is a job of its own on CircleCI, but a command
/// is written once for all of them, so its steps cannot be decided by one leg's values (<see cref="MatrixExpansion"/>
/// does that for a job's own steps). The test becomes a boolean parameter of the command instead
/// (<see cref="CommandMatrixParameters"/>): each leg decides it by GitHub's rules — strings compared ignoring case, loose
/// equality, a value the leg lacks is null (<see cref="ConditionMeaning"/>) — and passes <c>true</c> or <c>false</c>,
/// and the step becomes a <c>when</c> step on the parameter (<see cref="StepRefConditions"/>). Comparing the values in
/// CircleCI's own logic would compare exactly, and know no truthiness of GitHub's.
/// </summary>
internal static class CommandMatrixConditions
{
    /// <summary>
    /// True for a part of a condition that reads matrix values and nothing else that is unknown before the job runs:
    /// matrix values, strings and constants under comparisons, <c>startsWith</c>, <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>.
    /// </summary>
    public static bool IsTest(Condition condition)
    {
        var nodes = ConditionNodes.All(condition).ToList();
        return nodes.Exists(n => n is Condition.Matrix)
            && nodes.TrueForAll(n => n is Condition.And or Condition.Or or Condition.Not or Condition.Eq or Condition.Ne
                or Condition.StartsWith or Condition.Matrix or Condition.Literal or Condition.Raw)
            && Conditions.RawParts(condition).Count == 0;
    }

    /// <summary>The largest tests in a condition that CircleCI decides before the job runs (<see cref="StepRefConditions.Split"/>), in order.</summary>
    public static IEnumerable<Condition> In(Condition decided) =>
        IsTest(decided) ? [decided] : ConditionNodes.Children(decided).SelectMany(In);

    /// <summary>The tests of a command step's condition, as the step is rendered (<see cref="StepRenderer"/>).</summary>
    public static IEnumerable<Condition> Of(Step step) =>
        Conditions.Tree(step.If, step.Condition) is { } condition && StepRefConditions.Split(condition) is ({ } decided, _)
            ? In(decided)
            : [];

    /// <summary>The test in GitHub's expression language, the same text for the same test: <c>matrix.os == 'linux'</c>.</summary>
    public static string Spell(Condition test) => test switch
    {
        Condition.And(var all) => string.Join(" && ", all.Select(c => c is Condition.Or ? $"({Spell(c)})" : Spell(c))),
        Condition.Or(var any) => string.Join(" || ", any.Select(Spell)),
        Condition.Not(var inner) => $"!{Operand(inner)}",
        Condition.Eq(var left, var right) => $"{Operand(left)} == {Operand(right)}",
        Condition.Ne(var left, var right) => $"{Operand(left)} != {Operand(right)}",
        Condition.StartsWith(var value, var prefix) => $"startsWith({Spell(value)}, {Spell(prefix)})",
        Condition.Matrix(var name) => $"matrix.{name}",
        Condition.Literal(var text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        Condition.Raw(var raw) => raw,
        _ => throw new InvalidOperationException("a matrix test holds only matrix values, strings and constants"),
    };

    private static string Operand(Condition operand) =>
        operand is Condition.And or Condition.Or or Condition.Not or Condition.Eq or Condition.Ne ? $"({Spell(operand)})" : Spell(operand);
}
