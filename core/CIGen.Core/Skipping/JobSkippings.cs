using CIGen.Core.Hashing;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// Fills <see cref="Job.Skipping"/> of every skippable job (docs/protocol.md, "JobSkipping"): a job with
/// <c>source_files</c> that does not say <c>skip: false</c> and is not an approval gate.
/// </summary>
internal static class JobSkippings
{
    public static Graph Annotate(Graph graph)
    {
        var backends = new SkipBackends(graph);
        return graph with
        {
            Workflows = [.. graph.Workflows.Select(w => w with
            {
                Jobs = [.. w.Jobs.Select(j => WhyNotSkippable(j) is null ? j with { Skipping = For(w, j, graph.Runners, backends.For(j)) } : j)],
            })],
        };
    }

    /// <summary>Null when the job is skippable; otherwise why it always runs, in the user's words.</summary>
    public static string? WhyNotSkippable(Job job) =>
        job.Type is not null ? job.Type
        : !job.Skip ? "skip: false"
        : job.SourceFiles.Count == 0 ? "no source_files"
        : null;

    public static JobSkipping For(Workflow workflow, Job job, IReadOnlyList<RunnerProfile> profiles, SkipBackend backend) => new()
    {
        HashScript = JobHashScript.Render(job),
        Markers = Markers(workflow, job, profiles),
        Backend = backend,
    };

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
