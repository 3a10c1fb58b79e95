using System.Globalization;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The job that decides, before any other job starts, which jobs are unchanged since they last succeeded. Per
/// skippable job it hashes the inputs and looks the markers up, and outputs <c>&lt;job&gt;</c> (<c>skip</c> or
/// <c>run</c>), <c>&lt;job&gt;_hash</c> (the JOB_HASH the job records its marker under) and, for a matrix job,
/// <c>&lt;job&gt;_legs</c>: the JSON object of its legs' decisions, by the leg's key (<see cref="LegChoice"/>): whether
/// to skip it, and its marker (<c>&lt;job&gt;</c> is <c>skip</c> when every leg is skipped); for a ref-scoped job <c>&lt;job&gt;_ref_kind</c>, the kind of ref its marker names. A job that
/// never skips on tags is not looked up on a tag run. With a pull-request path filter (<see cref="PathFilters"/>) its
/// first step after the checkout applies the filter and outputs <see cref="PathFilters.OutputName"/>; when the filter
/// leaves the run out, the hashes and lookups do not run and every verdict is <c>skip</c>.
/// </summary>
internal static class PlanJob
{
    public const string Name = "Plan: skip unchanged jobs";

    private static readonly EmbeddedScript LegsScript = new(typeof(PlanJob).Assembly, "CIGen.Provider.GitHub.Scripts.plan-legs.sh");

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

        foreach (var job in skipping.Skippable)
        {
            var skip = job.Skipping!;
            var hashId = $"{job.Id}_hash";
            var hash = $"steps.{hashId}.outputs.hash";
            var refKind = skip.RefScoped ? SkipSteps.RefKindOutput(hashId) : null;
            var lookupIf = UnlessLeftOut(SkipSteps.LookupCondition(skip, hashId));
            steps.Add(SkipSteps.Hash(hashId, $"Hash {job.Id}", skip, UnlessLeftOut(null)));
            if (job.MatrixLegs.Count == 0)
            {
                var marker = skip.Markers.Single();
                var lookupId = $"{job.Id}_marker";
                steps.Add(SkipSteps.Lookup(lookupId, $"Look up {job.Id}", skip.Backend, SkipSteps.Key(marker.Prefix, hash, refKind), lookupIf));
                var unchanged = SkipSteps.Found(lookupId, skip.Backend);
                var skipped = skipping.FiltersPaths ? $"({PathFilters.StepLeavesOut} || {unchanged})" : unchanged;
                outputs.Add(job.Id, $"${{{{ {skipped} && 'skip' || 'run' }}}}");
                AddHashOutputs(outputs, job.Id, hash, refKind);
                continue;
            }

            var choice = LegChoice.For(job);
            var legs = new List<(string Key, string Marker, string Found)>();
            for (var i = 0; i < job.MatrixLegs.Count; i++)
            {
                var leg = job.MatrixLegs[i];
                var lookupId = $"{job.Id}_{leg.Suffix}_marker";
                var key = SkipSteps.Key(LegChoice.MarkerOf(skip, leg).Prefix, hash, refKind);
                steps.Add(SkipSteps.Lookup(lookupId, $"Look up {job.Id} ({leg.Suffix})", skip.Backend, key, lookupIf));
                legs.Add((choice.Keys[i], key, SkipSteps.Found(lookupId, skip.Backend)));
            }

            var legsId = $"{job.Id}_legs";
            steps.Add(LegDecisions(legsId, job.Id, legs) with { If = UnlessLeftOut(null) });
            var all = $"steps.{legsId}.outputs.all";
            outputs.Add(job.Id, $"${{{{ {(skipping.FiltersPaths ? $"{PathFilters.StepLeavesOut} && 'skip' || {all}" : all)} }}}}");
            AddHashOutputs(outputs, job.Id, hash, refKind);
            outputs.Add(WorkflowSkipping.LegsOutputName(job.Id), $"${{{{ steps.{legsId}.outputs.legs }}}}");
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

    /// <summary><c>&lt;job&gt;_hash</c>, and for a ref-scoped job <c>&lt;job&gt;_ref_kind</c>: what the job records its marker under.</summary>
    private static void AddHashOutputs(OrderedDictionary<string, string> outputs, string jobId, string hash, string? refKind)
    {
        outputs.Add($"{jobId}_hash", $"${{{{ {hash} }}}}");
        if (refKind is not null)
        {
            outputs.Add(WorkflowSkipping.RefKindOutputName(jobId), $"${{{{ {refKind} }}}}");
        }
    }

    /// <summary>
    /// Collects the decisions on the legs into the JSON object the legs look themselves up in (Scripts/plan-legs.sh):
    /// each leg's key and marker are decided at generate time and reach the script through env, with whether its
    /// marker was found.
    /// </summary>
    private static RunStep LegDecisions(string id, string jobId, IReadOnlyList<(string Key, string Marker, string Found)> legs)
    {
        var env = new OrderedDictionary<string, Scalar> { ["CIGEN_LEGS"] = Scalar.Number(legs.Count.ToString(CultureInfo.InvariantCulture)) };
        for (var i = 0; i < legs.Count; i++)
        {
            env.Add($"CIGEN_LEG_{i + 1}_KEY", legs[i].Key);
            env.Add($"CIGEN_LEG_{i + 1}_MARKER", legs[i].Marker);
            env.Add($"CIGEN_LEG_{i + 1}_FOUND", $"${{{{ {legs[i].Found} }}}}");
        }

        return new RunStep { Name = $"Collect the decisions on the legs of {jobId}", Id = id, Env = env, Shell = SkipSteps.Shell, Run = LegsScript.Text };
    }
}
