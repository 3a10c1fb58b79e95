using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A job's condition as CircleCI workflow filters. A CircleCI workflow runs a job when everything it requires succeeded
/// and the pipeline's ref passes the job's filters: a branch pipeline reads <c>branches</c> (none: every branch), a tag
/// pipeline reads <c>tags</c> (none: no tag). So the condition is decided twice with cigen's meaning
/// (<see cref="ConditionMeaning"/>) — once for a branch pipeline (<c>tag</c> is <c>''</c>), once for a tag pipeline
/// (<c>branch</c> is <c>''</c>) — and what is left must be a test of that ref against literals, which becomes the
/// filter (<see cref="RefConditionSets"/>). <c>success()</c> always holds for a job CircleCI starts; <c>always()</c>
/// only for a job that requires nothing. Matrix values were decided per leg before (<see cref="MatrixExpansion"/>). The
/// filters narrow the workflow's trigger filters.
/// </summary>
internal static class JobConditions
{
    private sealed record Mapping(RefSet Branches, RefSet Tags, string? Problem = null);

    /// <summary>Reports a condition CircleCI cannot express, naming the job and what to do.</summary>
    public static void Check(Job job, Scope scope)
    {
        var condition = Conditions.Tree(job.If, job.Condition);
        if (condition is null || Map(job, condition).Problem is not { } problem)
        {
            return;
        }

        var raw = Conditions.RawParts(condition);
        scope.Error(
            DiagnosticCodes.JobCondition,
            raw.Count > 0
                ? $"{scope.Description} has the condition `{job.If}`, which the circleci provider cannot express: "
                  + $"{string.Join(", ", raw.Select(r => $"`{r}`"))} is GitHub-only; CircleCI can test only `branch`, `tag` and matrix values "
                  + "in a job condition; remove it, or keep the job for GitHub with a GitHub-only workflow"
                : $"{scope.Description} has the condition `{job.If}`, which the circleci provider cannot express: {problem}",
            job.Source);
    }

    /// <summary>The workflow's trigger filters narrowed by the job's condition (unchanged when the condition is not expressible).</summary>
    public static JobFilters? Filters(JobFilters? trigger, Job job)
    {
        var condition = Conditions.Tree(job.If, job.Condition);
        if (condition is null || Map(job, condition) is not { Problem: null } mapping)
        {
            return trigger;
        }

        if (mapping.Branches.All && mapping.Tags.All)
        {
            return trigger;
        }

        var branches = RefSet.FromFilter(trigger?.Branches, noneWhenMissing: false).Intersect(mapping.Branches);
        var tags = RefSet.FromFilter(trigger?.Tags, noneWhenMissing: true).Intersect(mapping.Tags);
        var filters = new JobFilters { Branches = branches.AsBranches(), Tags = tags.AsTags() };
        return filters.Branches is null && filters.Tags is null ? null : filters;
    }

    private static Mapping Map(Job job, Condition condition)
    {
        var requiresNothing = job.Needs.Count == 0 && job.RequiresAny.Count == 0;
        var statuses = new Dictionary<string, bool>(StringComparer.Ordinal) { [ConditionStatus.Success] = true };
        if (requiresNothing)
        {
            statuses[ConditionStatus.Always] = true;
        }

        var onBranch = ConditionMeaning.Reduce(condition, new RunFacts { Tag = "", Statuses = statuses });
        var onTag = ConditionMeaning.Reduce(condition, new RunFacts { Branch = "", Statuses = statuses });
        var branches = RefConditionSets.Compile(onBranch, ConditionRef.Branch);
        var tags = RefConditionSets.Compile(onTag, ConditionRef.Tag);
        if (branches is not null && tags is not null)
        {
            return new Mapping(branches, tags);
        }

        var problem = ConditionNodes.All(condition).Any(n => n is Condition.Status(ConditionStatus.Always)) && !requiresNothing
            ? "a CircleCI workflow runs a job only when every job it requires succeeded, so `always()` cannot apply to a job with "
              + "requirements; remove the condition, or drop the requirement"
            : "a CircleCI workflow decides a job by the pipeline's ref and the job's matrix values: tests of `branch`, `tag` and "
              + "`matrix.X` against strings (`==`, `!=`, `startsWith`) joined with `&&`, `||` and `!` (written as workflow filters, "
              + "per matrix leg); `failure()`, `cancelled()`, and tests of `env` or other functions cannot be expressed; remove the "
              + "condition, or test it inside a step's script";
        return new Mapping(RefSet.Any, RefSet.Any, problem);
    }
}
