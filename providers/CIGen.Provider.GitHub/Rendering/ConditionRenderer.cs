using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Spells a <see cref="Condition"/> in GitHub's expression language, without <c>${{ }}</c> (GitHub adds it around an
/// <c>if:</c>). <c>branch</c>/<c>tag</c> compared with a literal become a test of the full ref
/// (<c>github.ref == 'refs/heads/main'</c>), so a tag named like a branch never matches; elsewhere they are the short
/// name when the ref is of that type, else the empty string.
/// </summary>
internal static class ConditionRenderer
{
    /// <summary>The rendered tree when the graph carries one, else the condition text as the user wrote it.</summary>
    public static string? Text(string? text, Condition? condition) => condition is null ? text : Render(condition);

    public static string Render(Condition condition) => condition switch
    {
        { And: { } all } => string.Join(" && ", all.Select(c => c.Or is not null ? $"({Render(c)})" : Render(c))),
        { Or: { } any } => string.Join(" || ", any.Select(Render)),
        { Not: { } inner } => IsAtom(inner) ? $"!{Render(inner)}" : $"!({Render(inner)})",
        { Status: { } status } => $"{status}()",
        { Eq: [var left, var right] } => Comparison(left, "==", right),
        { Ne: [var left, var right] } => Comparison(left, "!=", right),
        _ => Operand(condition),
    };

    private static string Comparison(Condition left, string op, Condition right) => (left, right) switch
    {
        ({ Ref: { } name }, { Literal: { } value }) => $"github.ref {op} {Quote(FullRef(name, value))}",
        ({ Literal: { } value }, { Ref: { } name }) => $"{Quote(FullRef(name, value))} {op} github.ref",
        _ => $"{Side(left)} {op} {Side(right)}",
    };

    private static string Side(Condition operand) => IsAtom(operand) ? Render(operand) : $"({Render(operand)})";

    private static string Operand(Condition operand) => operand switch
    {
        { Literal: { } value } => Quote(value),
        { Ref: { } name } => $"(github.ref_type == {Quote(name)} && github.ref_name || '')",
        { Env: { } name } => $"env.{name}",
        { Matrix: { } name } => $"matrix.{name}",
        { Raw: { } raw } => raw,
        _ => throw new InvalidOperationException("a condition node sets exactly one member, but this one sets none it knows"),
    };

    private static bool IsAtom(Condition condition) =>
        condition.Status is not null || condition.Literal is not null || condition.Ref is not null || condition.Env is not null || condition.Matrix is not null
        || (condition.Raw is { } raw && !raw.Any(char.IsWhiteSpace));

    private static string FullRef(string name, string value) => (name == ConditionRef.Tag ? "refs/tags/" : "refs/heads/") + value;

    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
