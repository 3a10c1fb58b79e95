using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// <c>type: approval</c> on GitHub: a job bound to the deployment environment named after it. GitHub holds the job
/// until one of the environment's required reviewers approves (configured in the repository's settings, not in the
/// workflow), and its dependents wait for it through their ordinary <c>needs</c>. The job itself only records the
/// approval: GitHub needs at least one step, and the gate checks nothing out.
/// </summary>
internal static class ApprovalJob
{
    public static IReadOnlyList<JobStep> Steps(Job job) =>
    [
        new Model.RunStep { Name = "Approval granted", Run = $"echo 'Approval granted for environment {job.Id}'" },
    ];
}
