using System.Text.RegularExpressions;
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
/// satisfied: it succeeded, or the plan job skipped it because its inputs are unchanged and its own dependencies were
/// satisfied (GitHub also reports "skipped" for a job whose dependency failed, whatever the plan said about it).
/// A job whose own condition holds a status function (<c>failure()</c>, <c>always()</c>) already decides about its
/// dependencies' results itself: it gets no dependency checks, only the plan's verdict on the job itself. When the plan
/// job applies a pull request's path filter (<see cref="PathFilters"/>), every job it does not decide about needs it too
/// and runs only when the filter did not leave the run out.
/// </summary>
internal static partial class Dependencies
{
    /// <summary>
    /// The plan job when the condition reads its outputs, the <c>requires</c> ids, the <c>requires_any</c> ids not
    /// already among them, then the ancestors whose results the dependency checks read (GitHub's <c>needs</c> context
    /// holds direct needs only).
    /// </summary>
    public static IReadOnlyList<string> Needs(Job job, WorkflowSkipping skipping)
    {
        var direct = Direct(job);
        var checks = ChecksDependencies(job, skipping);
        var needs = checks ? Read(job, skipping) : direct;
        var usesPlan = skipping.Decides(job.Id) || skipping.FiltersPaths || (checks && direct.Any(skipping.Decides));
        return usesPlan ? [WorkflowSkipping.PlanJobId, .. needs] : needs;
    }

    /// <summary>
    /// The job's own condition when nothing else applies; otherwise the dependency checks above, the plan's verdict on
    /// the job itself (or, for a job it does not decide about, the path filter's), and the user's condition in
    /// parentheses, AND-ed.
    /// </summary>
    public static string? Condition(Job job, WorkflowSkipping skipping, ConditionRenderer conditions)
    {
        var own = conditions.Text(job.If, job.Condition);
        var parts = new List<string>();
        if (ChecksDependencies(job, skipping))
        {
            parts.Add("!cancelled()");
            if (skipping.Decides(job.Id) || Direct(job).Any(skipping.Decides))
            {
                // The status function switches off GitHub's own check that the plan job succeeded.
                parts.Add($"needs.{WorkflowSkipping.PlanJobId}.result == 'success'");
            }

            parts.AddRange(Checks(job, skipping));
        }

        if (skipping.Decides(job.Id))
        {
            // The verdict is skip when the path filter left the run out.
            parts.Add($"{WorkflowSkipping.Verdict(job.Id)} != 'skip'");
        }
        else if (skipping.FiltersPaths)
        {
            parts.Add(PathFilters.JobCondition);
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

    private static string? Own(Job job) => job.If;

    private static IReadOnlyList<string> Direct(Job job) => [.. job.Needs.Concat(job.RequiresAny).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the condition spells out the dependency checks (GitHub's implicit AND does not suffice).</summary>
    private static bool ChecksDependencies(Job job, WorkflowSkipping skipping) =>
        !HasStatusFunction(job) && (job.RequiresAny.Count > 0 || Direct(job).Any(skipping.Decides));

    /// <summary>GitHub's rule: a condition naming a status function replaces the implicit <c>success()</c>.</summary>
    private static bool HasStatusFunction(Job job) => Own(job) is { } own && StatusFunction().IsMatch(own);

    [GeneratedRegex(@"\b(success|failure|always|cancelled)\s*\(\s*\)")]
    private static partial Regex StatusFunction();

    /// <summary>
    /// The job's dependency chain: every <c>requires</c> satisfied and, when there are any, one <c>requires_any</c>;
    /// none for a job whose condition decides about its dependencies itself.
    /// </summary>
    private static IReadOnlyList<string> Checks(Job job, WorkflowSkipping skipping)
    {
        if (HasStatusFunction(job))
        {
            return [];
        }

        var parts = job.Needs.Select(d => Satisfied(d, skipping)).ToList();
        if (job.RequiresAny.Count > 0)
        {
            var any = string.Join(" || ", job.RequiresAny.Select(d => Satisfied(d, skipping)));
            parts.Add(job.RequiresAny.Count == 1 ? any : $"({any})");
        }

        return parts;
    }

    /// <summary>
    /// It succeeded; or, when the plan decides about it, it was skipped, the plan said skip and its own chain was
    /// satisfied (else it was skipped because something before it failed).
    /// </summary>
    private static string Satisfied(string jobId, WorkflowSkipping skipping)
    {
        var succeeded = $"needs.{jobId}.result == 'success'";
        if (!skipping.Decides(jobId))
        {
            return succeeded;
        }

        IEnumerable<string> unchanged = [$"needs.{jobId}.result == 'skipped'", $"{WorkflowSkipping.Verdict(jobId)} == 'skip'", .. Checks(skipping.Job(jobId), skipping)];
        return $"({succeeded} || ({string.Join(" && ", unchanged)}))";
    }

    /// <summary>The jobs whose results the checks read: the direct dependencies, then their chains' ancestors, once each.</summary>
    private static IReadOnlyList<string> Read(Job job, WorkflowSkipping skipping)
    {
        var read = new List<string>(Direct(job));
        for (var i = 0; i < read.Count; i++)
        {
            if (skipping.Decides(read[i]) && skipping.Job(read[i]) is var dependency && !HasStatusFunction(dependency))
            {
                read.AddRange(Direct(dependency).Where(a => !read.Contains(a, StringComparer.Ordinal)));
            }
        }

        return read;
    }
}
