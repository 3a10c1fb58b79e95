using System.Text.Json.Serialization;

namespace CIGen.Protocol;

/// <summary>The status functions a condition can test.</summary>
public static class ConditionStatus
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Always = "always";
    public const string Cancelled = "cancelled";
}

/// <summary>The refs a condition can compare: the pushed branch's or tag's short name.</summary>
public static class ConditionRef
{
    public const string Branch = "branch";
    public const string Tag = "tag";
}

/// <summary>The <c>kind</c> of each <see cref="Condition"/> on the wire.</summary>
public static class ConditionKind
{
    public const string And = "and";
    public const string Or = "or";
    public const string Not = "not";
    public const string Status = "status";
    public const string Eq = "eq";
    public const string Ne = "ne";
    public const string StartsWith = "starts_with";
    public const string Literal = "literal";
    public const string Ref = "ref";
    public const string Env = "env";
    public const string Matrix = "matrix";
    public const string Raw = "raw";
}

/// <summary>
/// An <c>if:</c> parsed by the core, as a tree of nodes with a <c>kind</c> each: combinators (<see cref="And"/>,
/// <see cref="Or"/>, <see cref="Not"/>), tests (<see cref="Status"/>, <see cref="Eq"/>, <see cref="Ne"/>,
/// <see cref="StartsWith"/>) and operands (<see cref="Literal"/>, <see cref="Ref"/>, <see cref="Env"/>,
/// <see cref="Matrix"/>, <see cref="Raw"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(And), ConditionKind.And)]
[JsonDerivedType(typeof(Or), ConditionKind.Or)]
[JsonDerivedType(typeof(Not), ConditionKind.Not)]
[JsonDerivedType(typeof(Status), ConditionKind.Status)]
[JsonDerivedType(typeof(Eq), ConditionKind.Eq)]
[JsonDerivedType(typeof(Ne), ConditionKind.Ne)]
[JsonDerivedType(typeof(StartsWith), ConditionKind.StartsWith)]
[JsonDerivedType(typeof(Literal), ConditionKind.Literal)]
[JsonDerivedType(typeof(Ref), ConditionKind.Ref)]
[JsonDerivedType(typeof(Env), ConditionKind.Env)]
[JsonDerivedType(typeof(Matrix), ConditionKind.Matrix)]
[JsonDerivedType(typeof(Raw), ConditionKind.Raw)]
public abstract record Condition
{
    /// <summary>Every condition of <paramref name="Of"/> holds.</summary>
    public sealed record And(IReadOnlyList<Condition> Of) : Condition;

    /// <summary>Some condition of <paramref name="Of"/> holds.</summary>
    public sealed record Or(IReadOnlyList<Condition> Of) : Condition;

    public sealed record Not(Condition Operand) : Condition;

    /// <summary>One of <see cref="ConditionStatus"/>: <c>success()</c>, <c>failure()</c>, <c>always()</c>, <c>cancelled()</c>.</summary>
    public sealed record Status(string Name) : Condition;

    /// <summary>Two operands that are equal (GitHub's <c>==</c>).</summary>
    public sealed record Eq(Condition Left, Condition Right) : Condition;

    /// <summary>Two operands that differ (GitHub's <c>!=</c>).</summary>
    public sealed record Ne(Condition Left, Condition Right) : Condition;

    /// <summary>
    /// <paramref name="Value"/> starts with <paramref name="Prefix"/> (GitHub's <c>startsWith(a, b)</c>, ignoring
    /// case), for operands the core gives meaning to: <c>startsWith(tag, 'v')</c>, <c>startsWith(matrix.os,
    /// 'ubuntu')</c>. A call over other operands stays <see cref="Raw"/>.
    /// </summary>
    public sealed record StartsWith(Condition Value, Condition Prefix) : Condition;

    /// <summary>A string literal, unquoted: <c>'it''s'</c> is <c>it's</c>.</summary>
    public sealed record Literal(string Text) : Condition;

    /// <summary>One of <see cref="ConditionRef"/>: the pushed branch's or tag's short name.</summary>
    public sealed record Ref(string Name) : Condition;

    /// <summary>The environment variable <paramref name="Name"/>, for <c>env.NAME</c>.</summary>
    public sealed record Env(string Name) : Condition;

    /// <summary>The matrix dimension <paramref name="Name"/>, for <c>matrix.NAME</c>.</summary>
    public sealed record Matrix(string Name) : Condition;

    /// <summary>
    /// GitHub expression text passed through as written: another context (<c>github.event_name</c>,
    /// <c>needs.build.result</c>, <c>inputs.x</c>), a function call other than a status function (<c>contains(…)</c>),
    /// or a non-string literal (<c>true</c>, <c>42</c>).
    /// </summary>
    public sealed record Raw(string Text) : Condition;
}
