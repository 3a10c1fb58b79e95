using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The job that decides, before any other job starts, which jobs are unchanged since they last succeeded. One step
/// (<see cref="HashId"/>, the runtime's <c>hash</c>) hashes every skippable job, names its markers and looks them up —
/// one such step per skip backend when jobs use several; native markers in GitHub's cache through its REST API, so
/// the job reads the cache with <c>actions: read</c>. Per skippable job it outputs <c>&lt;job&gt;</c> (<c>skip</c> or
/// <c>run</c>) and <c>&lt;job&gt;_marker</c>, the marker the job records when it succeeds; for a matrix job instead
/// <c>&lt;job&gt;_legs</c>, the JSON object of its legs' markers by the leg's key (<see cref="LegChoice"/>), and the
/// legs GitHub leaves out or runs (<see cref="MatrixLegsOutput"/>); <c>&lt;job&gt;</c> is <c>skip</c> when every leg is
/// skipped. A job that never skips on tags is not looked up on a tag run. With a pull-request path filter
/// (<see cref="PathFilters"/>) its first step after the checkout applies the filter and outputs
/// <see cref="PathFilters.OutputName"/>; when the filter leaves the run out, the hashes do not run and every verdict is
/// <c>skip</c>.
/// </summary>
internal static class PlanJob
{
    public const string Name = "Plan: skip unchanged jobs";

    public const string HashId = "cigen_hash";

    /// <summary>The hash step's output naming the marker of a job, or of one leg of a matrix job.</summary>
    public static string MarkerOutput(string jobId, MatrixLeg? leg = null) => leg is null ? $"{jobId}_marker" : $"{jobId}_{leg.Suffix}_marker";

    /// <summary>
    /// The output a matrix job's strategy reads: the legs to leave out (<c>exclude</c>) when GitHub can tell them by
    /// their values alone, else, for a matrix with its own <c>include</c> or <c>exclude</c> (an <c>include</c> leg
    /// cannot be excluded), the whole matrix of the legs that run.
    /// </summary>
    public static string MatrixLegsOutput(Job job) =>
        ExcludesLegs(job) ? CigenRuntime.SkippedOutput(job.Id) : CigenRuntime.RunningOutput(job.Id);

    /// <summary>True when the plan leaves a matrix job's skipped legs out with <c>exclude</c>; see <see cref="MatrixLegsOutput"/>.</summary>
    public static bool ExcludesLegs(Job job) => job.MatrixInclude.Count == 0 && job.MatrixExclude.Count == 0;

    public static WorkflowJob Render(WorkflowSkipping skipping)
    {
        var filters = skipping.MovedPathFilters;
        var steps = new List<JobStep>();
        var outputs = new OrderedDictionary<string, string>();
        if (skipping.FiltersPaths)
        {
            steps.Add(PathFilters.Checkout(filters));
            steps.Add(PathFilters.Step(filters));
            outputs.Add(PathFilters.OutputName, $"${{{{ steps.{PathFilters.Id}.outputs.run }}}}");
        }
        else
        {
            steps.Add(new ActionStep { Uses = ActionStep.Checkout });
        }

        // A step that decides about a job runs only when the path filter (if any) did not leave the run out.
        string? UnlessLeftOut(string? condition) => skipping.FiltersPaths ? Conditions.Both(PathFilters.StepPasses, condition) : condition;
        string LeftOutOr(string verdict) => skipping.FiltersPaths ? $"{PathFilters.StepLeavesOut} && 'skip' || {verdict}" : verdict;

        // One hash step per skip backend, in the order the jobs first name them.
        var groups = skipping.Skippable.GroupBy(j => j.Skipping!.Backend.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var hashId = groups.Count == 1 ? HashId : $"{HashId}_{i + 1}";
            var spec = new RuntimeSpec();
            foreach (var job in groups[i])
            {
                spec.Job(job.Id, job.Skipping!);
                if (job.MatrixLegs.Count == 0)
                {
                    var marker = MarkerOutput(job.Id);
                    spec.Marker(marker, job.Skipping!.Markers.Single().Prefix);
                    var found = $"{RuntimeAction.Value(hashId, CigenRuntime.FoundOutput(marker), orEmpty: true)} == 'true'";
                    outputs.Add(job.Id, $"${{{{ {(skipping.FiltersPaths ? $"({PathFilters.StepLeavesOut} || {found})" : found)} && 'skip' || 'run' }}}}");
                    outputs.Add(WorkflowSkipping.MarkerOutputName(job.Id), $"${{{{ {RuntimeAction.Value(hashId, marker, orEmpty: true)} }}}}");
                    continue;
                }

                var choice = LegChoice.For(job);
                for (var l = 0; l < job.MatrixLegs.Count; l++)
                {
                    var leg = job.MatrixLegs[l];
                    spec.Marker(MarkerOutput(job.Id, leg), LegChoice.MarkerOf(job.Skipping!, leg).Prefix, choice.Keys[l], LegValues.Json(leg));
                }

                outputs.Add(job.Id, $"${{{{ {LeftOutOr(RuntimeAction.Value(hashId, CigenRuntime.VerdictOutput(job.Id), orEmpty: true))} }}}}");
                foreach (var output in new[] { CigenRuntime.LegsOutput(job.Id), MatrixLegsOutput(job) })
                {
                    outputs.Add(output, $"${{{{ {RuntimeAction.Value(hashId, output, orEmpty: true)} }}}}");
                }
            }

            var backend = groups[i].First().Skipping!.Backend;
            var name = groups.Count == 1 ? "Hash the jobs' inputs and look their markers up" : $"Hash the inputs of the jobs whose markers are in {backend.Name}";
            steps.Add(SkipSteps.Hash(hashId, name, spec.ToString(), backend, groups[i].SelectMany(j => j.Skipping!.Markers), UnlessLeftOut(null)));
        }

        var native = skipping.Skippable.Any(j => SkipSteps.IsNative(j.Skipping!.Backend));
        return new WorkflowJob
        {
            Id = WorkflowSkipping.PlanJobId,
            Name = Name,
            RunsOn = [JobRenderer.DefaultRunner],
            Permissions = native ? new PermissionSet { Scopes = SkipSteps.LookupPermissions() } : null,
            Outputs = outputs,
            Steps = steps,
        };
    }
}
