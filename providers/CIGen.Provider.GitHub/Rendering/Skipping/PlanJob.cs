using System.Globalization;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The job that decides, before any other job starts, which jobs are unchanged since they last succeeded. One step
/// (<see cref="HashId"/>, the runtime's <c>hash</c>) hashes every skippable job and names its markers — one such step
/// per skip backend when jobs use several — and native markers are looked up in GitHub's cache after it (S3 and Redis
/// markers are looked up by the hash step itself). Per skippable job it outputs <c>&lt;job&gt;</c> (<c>skip</c> or
/// <c>run</c>) and <c>&lt;job&gt;_marker</c>, the marker the job records when it succeeds; for a matrix job instead
/// <c>&lt;job&gt;_legs</c>: the JSON object of its legs' decisions, by the leg's key (<see cref="LegChoice"/>): whether
/// to skip it, and its marker (<c>&lt;job&gt;</c> is <c>skip</c> when every leg is skipped), collected for every matrix
/// job by one step (<see cref="LegsId"/>, the runtime's <c>legs</c>). A job that never skips on tags is not looked up on a
/// tag run. With a pull-request path filter (<see cref="PathFilters"/>) its first step after the checkout applies the
/// filter and outputs <see cref="PathFilters.OutputName"/>; when the filter leaves the run out, the hashes and lookups
/// do not run and every verdict is <c>skip</c>.
/// </summary>
internal static class PlanJob
{
    public const string Name = "Plan: skip unchanged jobs";

    public const string HashId = "cigen_hash";

    public const string LegsId = "cigen_legs";

    /// <summary>The hash step's output naming the marker of a job, or of one leg of a matrix job.</summary>
    public static string MarkerOutput(string jobId, MatrixLeg? leg = null) => leg is null ? $"{jobId}_marker" : $"{jobId}_{leg.Suffix}_marker";

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

        // One hash step per skip backend, in the order the jobs first name them.
        var groups = skipping.Skippable.GroupBy(j => j.Skipping!.Backend.Name, StringComparer.Ordinal).ToList();
        var hashIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var hashId = groups.Count == 1 ? HashId : $"{HashId}_{i + 1}";
            var spec = new RuntimeSpec();
            foreach (var job in groups[i])
            {
                hashIds.Add(job.Id, hashId);
                spec.Job(job.Id, job.Skipping!);
                foreach (var leg in Legs(job))
                {
                    spec.Marker(MarkerOutput(job.Id, leg), leg is null ? job.Skipping!.Markers.Single().Prefix : LegChoice.MarkerOf(job.Skipping!, leg).Prefix);
                }
            }

            var backend = groups[i].First().Skipping!.Backend;
            var name = groups.Count == 1 ? "Hash the jobs' inputs" : $"Hash the inputs of the jobs whose markers are in {backend.Name}";
            steps.Add(SkipSteps.Hash(hashId, name, spec.ToString(), backend, UnlessLeftOut(null)));
        }

        var legLines = new List<string>();
        var legEnv = new OrderedDictionary<string, Scalar>();
        foreach (var job in skipping.Skippable)
        {
            var skip = job.Skipping!;
            var hashId = hashIds[job.Id];
            var lookupIf = UnlessLeftOut(SkipSteps.LookupCondition(skip, hashId, job.Id));
            if (job.MatrixLegs.Count == 0)
            {
                var marker = MarkerOutput(job.Id);
                if (SkipSteps.IsNative(skip.Backend))
                {
                    steps.Add(SkipSteps.NativeLookup(marker, $"Look up {job.Id}", $"${{{{ {RuntimeAction.Value(hashId, marker)} }}}}", lookupIf));
                }

                var unchanged = SkipSteps.Found(skip.Backend, hashId, marker, lookupId: marker, orEmpty: true);
                var skipped = skipping.FiltersPaths ? $"({PathFilters.StepLeavesOut} || {unchanged})" : unchanged;
                outputs.Add(job.Id, $"${{{{ {skipped} && 'skip' || 'run' }}}}");
                outputs.Add(WorkflowSkipping.MarkerOutputName(job.Id), $"${{{{ {RuntimeAction.Value(hashId, marker, orEmpty: true)} }}}}");
                continue;
            }

            var choice = LegChoice.For(job);
            for (var i = 0; i < job.MatrixLegs.Count; i++)
            {
                var leg = job.MatrixLegs[i];
                var marker = MarkerOutput(job.Id, leg);
                if (SkipSteps.IsNative(skip.Backend))
                {
                    steps.Add(SkipSteps.NativeLookup(marker, $"Look up {job.Id} ({leg.Suffix})", $"${{{{ {RuntimeAction.Value(hashId, marker)} }}}}", lookupIf));
                }

                legLines.Add(ShellWords.Line("leg", job.Id, choice.Keys[i]));
                legEnv.Add(CigenRuntime.LegMarkerVariable(legLines.Count), $"${{{{ {RuntimeAction.Value(hashId, marker)} }}}}");
                legEnv.Add(CigenRuntime.LegFoundVariable(legLines.Count), $"${{{{ {SkipSteps.Found(skip.Backend, hashId, marker, lookupId: marker)} }}}}");
            }

            var all = RuntimeAction.Value(LegsId, job.Id, orEmpty: true);
            outputs.Add(job.Id, $"${{{{ {(skipping.FiltersPaths ? $"{PathFilters.StepLeavesOut} && 'skip' || {all}" : all)} }}}}");
            outputs.Add(WorkflowSkipping.LegsOutputName(job.Id), $"${{{{ {RuntimeAction.Value(LegsId, WorkflowSkipping.LegsOutputName(job.Id), orEmpty: true)} }}}}");
        }

        if (legLines.Count > 0)
        {
            var spec = string.Join("\n", legLines) + "\n";
            steps.Add(RuntimeAction.Step("Collect the decisions on the matrix legs", LegsId, CigenRuntime.Legs, spec, env: legEnv, condition: UnlessLeftOut(null)));
        }

        return new WorkflowJob
        {
            Id = WorkflowSkipping.PlanJobId,
            Name = Name,
            RunsOn = [JobRenderer.DefaultRunner],
            Outputs = outputs,
            Steps = steps,
        };
    }

    /// <summary>A matrix job's legs, or one null for a job that runs once.</summary>
    private static IEnumerable<MatrixLeg?> Legs(Job job) => job.MatrixLegs.Count == 0 ? [null] : job.MatrixLegs.Cast<MatrixLeg?>();
}
