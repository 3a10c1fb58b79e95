using CIGen.Core.Config;
using CIGen.Core.Hashing;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// Fills <see cref="Job.Skipping"/> of every skippable job (docs/protocol.md, "JobSkipping"): a job with
/// <c>source_files</c> that does not say <c>skip: false</c>, is not an approval gate and runs on Linux. A job that
/// depends on the ref (<see cref="RefDependence"/>) gets markers scoped to the kind of ref; one with
/// <c>skip_on_tags: false</c> is never skipped on a tag run.
/// </summary>
internal static class JobSkippings
{
    /// <param name="groupsOf">The source file groups a job's <c>source_files</c> name (<see cref="HashInputs.Groups"/>), by workflow and job id.</param>
    public static Graph Annotate(Graph graph, DiagnosticBag diagnostics, Func<string, string, IReadOnlyList<InputGroup>>? groupsOf = null)
    {
        var backends = new SkipBackends(graph);
        return graph with
        {
            Workflows = [.. graph.Workflows.Select(w => w with
            {
                // An id a marker key cannot hold was reported as an invalid name; the graph is not used then.
                Jobs = [.. w.Jobs.Select(j => MarkerKey.AcceptsName(w.Id) && MarkerKey.AcceptsName(j.Id) && Skippable(w, j, graph.Runners, diagnostics)
                    ? j with { Skipping = For(w, j, graph, backends.For(j), groupsOf?.Invoke(w.Id, j.Id) ?? []) }
                    : j)],
            })],
        };
    }

    /// <summary>Null when the job is skippable; otherwise why it always runs, in the user's words.</summary>
    public static string? WhyNotSkippable(Job job, IReadOnlyList<RunnerProfile> profiles) =>
        job.Type is not null ? job.Type
        : !job.Skip ? "skip: false"
        : job.SourceFiles.Count == 0 ? "no source_files"
        : SkipPlatform.Os(job, profiles) is var os && os != SkipPlatform.DefaultOs ? $"runs on {os}; skipping needs a Linux runner"
        : null;

    /// <summary>
    /// Whether the job is skippable; warns (at the job) about one that asks for skipping on macOS or Windows, where the
    /// hash script's GNU find and grep are missing (BSD find has no <c>-printf</c>, BSD grep no <c>-z</c>; Windows runs
    /// Git Bash at best): its hash step would fail, so it always runs.
    /// </summary>
    private static bool Skippable(Workflow workflow, Job job, IReadOnlyList<RunnerProfile> profiles, DiagnosticBag diagnostics)
    {
        var why = WhyNotSkippable(job, profiles);
        if (why is not null && job.Type is null && job.Skip && job.SourceFiles.Count > 0)
        {
            diagnostics.Warning(DiagnosticCodes.SkipNeedsLinuxRunner, job.Source,
                $"job `{job.Id}` has source_files but {why} (its hash script needs GNU find and grep), so it always runs; run it on Linux, or set `skip: false` to say so",
                new Scope(workflow.Id, job.Id));
        }

        return why is null;
    }

    public static JobSkipping For(Workflow workflow, Job job, Graph graph, SkipBackend backend, IReadOnlyList<InputGroup> groups)
    {
        var scope = RefDependence.Of(workflow, job, graph.Commands);
        return new JobSkipping
        {
            Inputs = JobHash.InputsOf(job) with { Groups = groups },
            RefScope = scope switch { RefScope.Name => SkipRefScope.Name, RefScope.Kind => SkipRefScope.Kind, _ => SkipRefScope.None },
            Markers = Markers(workflow, job, graph.Runners),
            Backend = backend,
            SkipOnTags = job.SkipOnTags,
        };
    }

    /// <summary>One marker per matrix leg (job part <c>&lt;id&gt;_&lt;suffix&gt;</c>), or one named after the job.</summary>
    public static IReadOnlyList<SkipMarker> Markers(Workflow workflow, Job job, IReadOnlyList<RunnerProfile> profiles)
    {
        var os = SkipPlatform.Os(job, profiles);
        if (job.MatrixLegs.Count == 0)
        {
            return [new SkipMarker { Prefix = new MarkerKey(os, SkipPlatform.Arch(job, null), workflow.Id, job.Id).Prefix }];
        }

        return [.. job.MatrixLegs.Select(leg => new SkipMarker
        {
            Leg = leg.Suffix,
            Prefix = MarkerKey.ForLeg(os, SkipPlatform.Arch(job, leg), workflow.Id, job.Id, leg.Suffix).Prefix,
        })];
    }
}
