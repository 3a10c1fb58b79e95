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

/// <summary>
/// An <c>if:</c> parsed by the core: exactly one member is set. Combinators (<see cref="And"/>, <see cref="Or"/>,
/// <see cref="Not"/>), tests (<see cref="Status"/>, <see cref="Eq"/>, <see cref="Ne"/>, <see cref="StartsWith"/> with two operands) and operands
/// (<see cref="Literal"/>, <see cref="Ref"/>, <see cref="Env"/>, <see cref="Matrix"/>, <see cref="Raw"/>).
/// </summary>
public sealed record Condition
{
    public IReadOnlyList<Condition>? And { get; init; }

    public IReadOnlyList<Condition>? Or { get; init; }

    public Condition? Not { get; init; }

    /// <summary>One of <see cref="ConditionStatus"/>: <c>success()</c>, <c>failure()</c>, <c>always()</c>, <c>cancelled()</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Two operands that are equal (GitHub's <c>==</c>).</summary>
    public IReadOnlyList<Condition>? Eq { get; init; }

    /// <summary>Two operands that differ (GitHub's <c>!=</c>).</summary>
    public IReadOnlyList<Condition>? Ne { get; init; }

    /// <summary>
    /// The first operand starts with the second (GitHub's <c>startsWith(a, b)</c>, ignoring case), for operands the
    /// core gives meaning to: <c>startsWith(tag, 'v')</c>, <c>startsWith(matrix.os, 'ubuntu')</c>. A call over other
    /// operands stays <see cref="Raw"/>.
    /// </summary>
    public IReadOnlyList<Condition>? StartsWith { get; init; }

    /// <summary>A string literal, unquoted: <c>'it''s'</c> is <c>it's</c>.</summary>
    public string? Literal { get; init; }

    /// <summary>One of <see cref="ConditionRef"/>.</summary>
    public string? Ref { get; init; }

    /// <summary>The name of an environment variable, for <c>env.X</c>.</summary>
    public string? Env { get; init; }

    /// <summary>The name of a matrix dimension, for <c>matrix.X</c>.</summary>
    public string? Matrix { get; init; }

    /// <summary>
    /// GitHub expression text passed through as written: another context (<c>github.event_name</c>,
    /// <c>needs.build.result</c>, <c>inputs.x</c>), a function call other than a status function (<c>contains(…)</c>),
    /// or a non-string literal (<c>true</c>, <c>42</c>).
    /// </summary>
    public string? Raw { get; init; }

    public static Condition AllOf(IReadOnlyList<Condition> conditions) => new() { And = conditions };

    public static Condition AnyOf(IReadOnlyList<Condition> conditions) => new() { Or = conditions };

    public static Condition Negation(Condition condition) => new() { Not = condition };

    public static Condition StatusOf(string status) => new() { Status = status };

    public static Condition Equal(Condition left, Condition right) => new() { Eq = [left, right] };

    public static Condition NotEqual(Condition left, Condition right) => new() { Ne = [left, right] };

    public static Condition Prefix(Condition value, Condition prefix) => new() { StartsWith = [value, prefix] };

    public static Condition Text(string value) => new() { Literal = value };

    public static Condition RefOf(string name) => new() { Ref = name };

    public static Condition EnvOf(string name) => new() { Env = name };

    public static Condition MatrixOf(string name) => new() { Matrix = name };

    public static Condition RawOf(string text) => new() { Raw = text };
}
