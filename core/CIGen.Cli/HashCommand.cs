using System.CommandLine;
using CIGen.Core.Hashing;

namespace CIGen.Cli;

/// <summary><c>cigen hash --job WORKFLOW/JOB [--config PATH] [--explain]</c>: a job's skip key.</summary>
internal static class HashCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var job = new Option<string>("--job", "-j")
        {
            Description = "The job, as WORKFLOW/JOB (ci/test)",
            HelpName = "WORKFLOW/JOB",
            Required = true,
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "First list each input file as `<sha256>  <path>` (the sha256sum listing that is hashed), then print `JOB_HASH <hex>`",
        };

        var command = new Command(
            "hash",
            "Print a job's JOB_HASH, the hash of its source_files and definition files that decides skipping (bare hex on stdout)")
        {
            config, job, explain,
        };
        command.SetAction(parseResult => JobHashCommand.Run(
            CommonOptions.Console(parseResult), parseResult.GetValue(config), parseResult.GetValue(job)!, parseResult.GetValue(explain)));
        return command;
    }
}
