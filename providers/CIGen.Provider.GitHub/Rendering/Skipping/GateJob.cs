using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The one check to make required in branch protection. GitHub reports a skipped job as a passed check only sometimes
/// (a required check that never ran keeps a pull request waiting), so requiring the real jobs breaks once they can be
/// skipped as unchanged. The gate needs every job, always runs, and fails exactly when one of them failed or was
/// cancelled: success and skipped (as unchanged, or by its own condition) pass. Approval jobs and every job that
/// (transitively) needs one are left out: a required check that waits for a person would hold every pull request
/// until someone approves a deployment, and a rejected approval is not a broken change.
/// </summary>
internal static class GateJob
{
    public const string Id = "cigen_gate";
    public const string Name = "All jobs passed";

    /// <summary>The gate over <paramref name="jobIds"/> (the rendered jobs, generated ones included) minus those awaiting an approval.</summary>
    public static WorkflowJob Render(Workflow workflow, IEnumerable<string> jobIds)
    {
        var awaiting = AwaitingApproval(workflow);
        return Render(jobIds.Where(id => !awaiting.Contains(id)));
    }

    /// <summary>Approval jobs and the jobs that need one of them, directly or through others.</summary>
    private static HashSet<string> AwaitingApproval(Workflow workflow)
    {
        var awaiting = workflow.Jobs.Where(j => j.Type == "approval").Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var grew = awaiting.Count > 0;
        while (grew)
        {
            grew = false;
            foreach (var job in workflow.Jobs.Where(j => !awaiting.Contains(j.Id) && j.Needs.Concat(j.RequiresAny).Any(awaiting.Contains)))
            {
                grew |= awaiting.Add(job.Id);
            }
        }

        return awaiting;
    }

    private static WorkflowJob Render(IEnumerable<string> jobIds) => new()
    {
        Id = Id,
        Name = Name,
        Needs = [.. jobIds],
        If = "always()",
        RunsOn = [JobRenderer.DefaultRunner],
        Steps =
        [
            new RunStep
            {
                Name = "Fail when a job failed or was cancelled",
                Env = new OrderedDictionary<string, Scalar>
                {
                    ["CIGEN_FAILED"] = "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}",
                },
                Shell = SkipSteps.Shell,
                Run = "if [ \"$CIGEN_FAILED\" = true ]; then\n"
                    + "  echo \"::error::a job of this workflow failed or was cancelled\"\n"
                    + "  exit 1\n"
                    + "fi\n"
                    + "echo \"every job succeeded or was skipped\"\n",
            },
        ],
    };
}
