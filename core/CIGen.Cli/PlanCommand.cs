using System.CommandLine;

namespace CIGen.Cli;

/// <summary><c>cigen plan [--config PATH] [--workflow W]</c>: each job's hash and whether CI would skip it now.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var workflow = new Option<string?>("--workflow", "-w")
        {
            Description = "Only this workflow's jobs",
            HelpName = "WORKFLOW",
        };

        var command = new Command(
            "plan",
            "Preview skipping: each job's JOB_HASH, and whether its marker exists (skip) or not (run) when the backend (s3, redis) can be asked from here")
        {
            config, workflow,
        };
        command.SetAction(parseResult => Core.Skipping.PlanCommand.Run(
            CommonOptions.Console(parseResult), parseResult.GetValue(config), parseResult.GetValue(workflow)));
        return command;
    }
}
