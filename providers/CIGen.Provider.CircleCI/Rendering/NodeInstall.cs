using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using RunStep = CIGen.Provider.CircleCI.Model.RunStep;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// How a job sets up a Node.js version no CircleCI image is tagged with (<see cref="JobImages.Choice.InstallsNode"/>):
/// a use of the command <see cref="CommandName"/>, written once into the config's <c>commands:</c>, whose step runs
/// Scripts/install-node.sh with the version in its environment, not spliced into the script.
/// </summary>
internal static class NodeInstall
{
    public const string CommandName = "cigen_install_node";

    private static readonly EmbeddedScript Script = new(typeof(NodeInstall).Assembly, "CIGen.Provider.CircleCI.Scripts.install-node.sh");

    public static CommandInvocation Step(PackageUse package) =>
        new(CommandName, [("version", package.SetupVersion ?? "")]);

    public static bool IsUsedBy(JobDefinition job) => job.Steps.Any(s => s is CommandInvocation { Command: CommandName });

    public static CommandDefinition Command() => new()
    {
        Name = CommandName,
        Description = "Install a Node.js release no CircleCI image has (cigen's node package), for the job's later steps.",
        Parameters = [new CommandParameter { Name = "version", Type = "string", Description = "20, 20.11, 20.11.1, lts/*, lts/<codename> or latest." }],
        Steps =
        [
            new RunStep
            {
                Name = "Install Node.js << parameters.version >>",
                Environment = new() { ["NODE_VERSION"] = "<< parameters.version >>" },
                Command = Script.Code,
            },
        ],
    };
}
