using System.Text;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The job that decides, before any other job starts, which jobs are unchanged since they last succeeded. Per
/// skippable job it hashes the inputs and looks the markers up, and outputs <c>&lt;job&gt;</c> (<c>skip</c> or
/// <c>run</c>), <c>&lt;job&gt;_hash</c> (the JOB_HASH the job records its marker under) and, for a matrix job,
/// <c>&lt;job&gt;_skip</c>: the JSON array of the suffixes of the legs to skip (<c>&lt;job&gt;</c> is <c>skip</c>
/// when every leg is); for a ref-scoped job <c>&lt;job&gt;_ref_kind</c>, the kind of ref its marker names. A job that
/// never skips on tags is not looked up on a tag run. With a pull-request path filter (<see cref="PathFilters"/>) its
/// first step after the checkout applies the filter and outputs <see cref="PathFilters.OutputName"/>; when the filter
/// leaves the run out, the hashes and lookups do not run and every verdict is <c>skip</c>.
/// </summary>
internal static class PlanJob
{
    public const string Name = "Plan: skip unchanged jobs";

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

            var found = new List<(string Leg, string Found)>();
            foreach (var leg in job.MatrixLegs)
            {
                var lookupId = $"{job.Id}_{leg.Suffix}_marker";
                var marker = LegChoice.MarkerOf(skip, leg);
                steps.Add(SkipSteps.Lookup(lookupId, $"Look up {job.Id} ({leg.Suffix})", skip.Backend, SkipSteps.Key(marker.Prefix, hash, refKind), lookupIf));
                found.Add((leg.Suffix, SkipSteps.Found(lookupId, skip.Backend)));
            }

            var legsId = $"{job.Id}_legs";
            steps.Add(SkippedLegs(legsId, job.Id, found) with { If = UnlessLeftOut(null) });
            var all = $"steps.{legsId}.outputs.all";
            outputs.Add(job.Id, $"${{{{ {(skipping.FiltersPaths ? $"{PathFilters.StepLeavesOut} && 'skip' || {all}" : all)} }}}}");
            AddHashOutputs(outputs, job.Id, hash, refKind);
            outputs.Add($"{job.Id}_skip", $"${{{{ steps.{legsId}.outputs.skip }}}}");
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
    /// Collects the legs whose marker was found into a JSON array. Each leg's JSON string is decided at generate time
    /// and reaches the script through env, empty when the leg runs.
    /// </summary>
    private static RunStep SkippedLegs(string id, string jobId, IReadOnlyList<(string Leg, string Found)> legs)
    {
        var env = new OrderedDictionary<string, Scalar>();
        for (var i = 0; i < legs.Count; i++)
        {
            env.Add($"CIGEN_LEG_{i + 1}", $"${{{{ {legs[i].Found} && {LegChoice.Quote($"\"{legs[i].Leg}\"")} || '' }}}}");
        }

        var script = new StringBuilder();
        script.Append("skip=\"\"\ncount=0\n");
        // Through an array: a list of one quoted word (a one-leg job, `for leg in "$CIGEN_LEG_1"`) is what shellcheck
        // reports as an error (SC2066), in every workflow that has such a job.
        script.Append("legs=(").AppendJoin(' ', env.Keys.Select(k => $"\"${k}\"")).Append(")\n");
        script.Append("for leg in \"${legs[@]}\"; do\n");
        script.Append("  if [ -n \"$leg\" ]; then\n    skip=\"${skip:+$skip,}$leg\"\n    count=$((count + 1))\n  fi\ndone\n");
        script.Append("echo \"skip=[$skip]\" >> \"$GITHUB_OUTPUT\"\n");
        script.Append($"if [ \"$count\" -eq {legs.Count} ]; then\n  echo \"all=skip\" >> \"$GITHUB_OUTPUT\"\nelse\n  echo \"all=run\" >> \"$GITHUB_OUTPUT\"\nfi\n");
        return new RunStep { Name = $"Collect the legs of {jobId} to skip", Id = id, Env = env, Shell = SkipSteps.Shell, Run = script.ToString() };
    }
}
