using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The one check to make required in branch protection. GitHub reports a skipped job as a passed check only sometimes
/// (a required check that never ran keeps a pull request waiting), so requiring the real jobs breaks once they can be
/// skipped as unchanged. The gate needs every job, always runs, and fails exactly when one of them failed or was
/// cancelled: success and skipped (as unchanged, or by its own condition) pass.
/// </summary>
internal static class GateJob
{
    public const string Id = "cigen_gate";
    public const string Name = "All jobs passed";

    public static WorkflowJob Render(IEnumerable<string> jobIds) => new()
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
