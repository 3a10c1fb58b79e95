namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Combines <c>if:</c> conditions, for steps that come from a command used under a condition.</summary>
internal static class Conditions
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
}
