using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering.Skipping;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// A job's <c>needs:</c> and <c>if:</c> from its AND (<c>requires</c>) and OR (<c>requires_any</c>) dependencies and
/// from skipping. GitHub knows only AND: it waits for every job in <c>needs</c> and skips the job when one of them did
/// not succeed, unless the <c>if</c> holds a status function. So a job with OR dependencies, or one that needs a job
/// the plan job may skip as unchanged, needs all of them, and its condition starts with <c>!cancelled()</c> (a status
/// function: GitHub then leaves the decision to the condition) and spells out when each dependency counts as
/// satisfied: it succeeded, or the plan job skipped it because its inputs are unchanged.
/// </summary>
internal static class Dependencies
{
    /// <summary>The plan job when it decides about the job or one of its dependencies, the <c>requires</c> ids, then the <c>requires_any</c> ids not already among them.</summary>
    public static IReadOnlyList<string> Needs(Job job, WorkflowSkipping skipping)
    {
        IReadOnlyList<string> needs = [.. job.Needs.Concat(job.RequiresAny).Distinct(StringComparer.Ordinal)];
        return UsesPlan(job, needs, skipping) ? [WorkflowSkipping.PlanJobId, .. needs] : needs;
    }

    /// <summary>
    /// The job's own condition when nothing else applies; otherwise the dependency checks above, the plan's verdict on
    /// the job itself, and the user's condition in parentheses, AND-ed.
    /// </summary>
    public static string? Condition(Job job, WorkflowSkipping skipping)
    {
        var own = ConditionRenderer.Text(job.If, job.Condition);
        var skippableNeeds = job.Needs.Concat(job.RequiresAny).Any(skipping.Decides);
        var parts = new List<string>();
        if (job.RequiresAny.Count > 0 || skippableNeeds)
        {
            parts.Add("!cancelled()");
            if (UsesPlan(job, job.Needs.Concat(job.RequiresAny), skipping))
            {
                // The status function switches off GitHub's own check that the plan job succeeded.
                parts.Add($"needs.{WorkflowSkipping.PlanJobId}.result == 'success'");
            }

            parts.AddRange(job.Needs.Select(d => Satisfied(d, skipping)));
            if (job.RequiresAny.Count > 0)
            {
                var any = string.Join(" || ", job.RequiresAny.Select(d => Satisfied(d, skipping)));
                parts.Add(job.RequiresAny.Count == 1 ? any : $"({any})");
            }
        }

        if (skipping.Decides(job.Id))
        {
            parts.Add($"{WorkflowSkipping.Verdict(job.Id)} != 'skip'");
        }

        if (parts.Count == 0)
        {
            return own;
        }

        if (!string.IsNullOrWhiteSpace(own))
        {
            parts.Add($"({Conditions.Unwrap(own)})");
        }

        return string.Join(" && ", parts);
    }

    private static bool UsesPlan(Job job, IEnumerable<string> needs, WorkflowSkipping skipping) =>
        skipping.Decides(job.Id) || needs.Any(skipping.Decides);

    private static string Satisfied(string jobId, WorkflowSkipping skipping) => skipping.Decides(jobId)
        ? $"(needs.{jobId}.result == 'success' || (needs.{jobId}.result == 'skipped' && {WorkflowSkipping.Verdict(jobId)} == 'skip'))"
        : $"needs.{jobId}.result == 'success'";
}
