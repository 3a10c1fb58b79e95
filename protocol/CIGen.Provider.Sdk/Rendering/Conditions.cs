using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>The status functions a condition can consist of, the only conditions every platform can express.</summary>
public enum StatusCondition
{
    /// <summary>Anything else: an expression over contexts, a combination, a comparison.</summary>
    Other,

    /// <summary><c>success()</c>, or no condition: run when everything before succeeded.</summary>
    Success,

    /// <summary><c>failure()</c>: run when something before failed.</summary>
    Failure,

    /// <summary><c>always()</c>: run whatever happened before.</summary>
    Always,
}

/// <summary>
/// Helpers for conditions (<c>if:</c>) as the graph carries them: written in GitHub's expression language, with or
/// without a wrapping <c>${{ }}</c>.
/// </summary>
public static class Conditions
{
    /// <summary>
    /// The step runs when both conditions hold: <c>(outer) &amp;&amp; (inner)</c>. A missing condition is no condition.
    /// Wrapping <c>${{ }}</c> is removed first because GitHub only accepts it around a whole condition. Status functions
    /// keep their GitHub meaning in the result: <c>(failure()) &amp;&amp; (x)</c> runs after a failure when x holds, and a
    /// command's cleanup step written <c>always()</c> runs whenever the command step's own condition holds.
    /// </summary>
    public static string? Both(string? outer, string? inner)
    {
        if (string.IsNullOrWhiteSpace(outer))
        {
            return inner;
        }

        if (string.IsNullOrWhiteSpace(inner))
        {
            return outer;
        }

        return $"({Unwrap(outer)}) && ({Unwrap(inner)})";
    }

    /// <summary><c>${{ x }}</c> → <c>x</c> when the expression is the whole condition; anything else unchanged.</summary>
    public static string Unwrap(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var trimmed = condition.Trim();
        if (trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            var body = trimmed[3..^2];
            if (!body.Contains("${{", StringComparison.Ordinal) && !body.Contains("}}", StringComparison.Ordinal))
            {
                return body.Trim();
            }
        }

        return trimmed;
    }

    /// <summary>
    /// The condition as a tree: the one the host parsed, else the text parsed here (a third-party host may send only the
    /// text). Text that does not parse becomes one raw node, so it is still "something else" rather than no condition.
    /// </summary>
    public static Condition? Tree(string? text, Condition? tree)
    {
        if (tree is not null || string.IsNullOrWhiteSpace(text))
        {
            return tree;
        }

        var (parsed, error) = ConditionParser.Parse(text);
        return error is null ? parsed : new Condition.Raw(Unwrap(text));
    }

    /// <summary>
    /// Which status function the whole condition is. No condition and the literal <c>true</c> mean
    /// <see cref="StatusCondition.Success"/>, GitHub's default; anything else is <see cref="StatusCondition.Other"/>.
    /// </summary>
    public static StatusCondition Classify(Condition? condition) => condition switch
    {
        null or Condition.Raw("true") or Condition.Status(ConditionStatus.Success) => StatusCondition.Success,
        Condition.Status(ConditionStatus.Failure) => StatusCondition.Failure,
        Condition.Status(ConditionStatus.Always) => StatusCondition.Always,
        _ => StatusCondition.Other,
    };

    /// <summary>The raw GitHub-only parts of the condition (<c>github.event_name</c>, <c>contains(…)</c>), in order.</summary>
    public static IReadOnlyList<string> RawParts(Condition? condition) =>
        [.. ConditionNodes.All(condition).OfType<Condition.Raw>().Select(n => n.Text)
            .Where(raw => raw is not ("true" or "false" or "null") && !char.IsAsciiDigit(raw[0]) && raw[0] != '-')];
}
