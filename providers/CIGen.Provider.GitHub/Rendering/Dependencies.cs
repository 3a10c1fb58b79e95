using CIGen.Protocol;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// A job's <c>needs:</c> and <c>if:</c> from its AND (<c>requires</c>) and OR (<c>requires_any</c>) dependencies.
/// GitHub knows only AND: it waits for every job in <c>needs</c> and skips the job when one of them did not succeed,
/// unless the <c>if</c> holds a status function. So a job with OR dependencies needs all of them, and its condition
/// starts with <c>!cancelled()</c> (a status function: GitHub then leaves the decision to the condition) and spells out
/// both parts: every AND dependency succeeded, and at least one OR dependency did.
/// </summary>
internal static class Dependencies
{
    /// <summary>The <c>requires</c> ids, then the <c>requires_any</c> ids not already among them.</summary>
    public static IReadOnlyList<string> Needs(Job job) => [.. job.Needs.Concat(job.RequiresAny).Distinct(StringComparer.Ordinal)];

    /// <summary>The job's own condition without OR dependencies; with them, the condition above AND-ed with the user's.</summary>
    public static string? Condition(Job job)
    {
        var own = ConditionRenderer.Text(job.If, job.Condition);
        if (job.RequiresAny.Count == 0)
        {
            return own;
        }

        var any = string.Join(" || ", job.RequiresAny.Select(Succeeded));
        var parts = new List<string> { "!cancelled()" };
        parts.AddRange(job.Needs.Select(Succeeded));
        parts.Add(job.RequiresAny.Count == 1 ? any : $"({any})");
        if (!string.IsNullOrWhiteSpace(own))
        {
            parts.Add($"({Conditions.Unwrap(own)})");
        }

        return string.Join(" && ", parts);
    }

    private static string Succeeded(string jobId) => $"needs.{jobId}.result == 'success'";
}
