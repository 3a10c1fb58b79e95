using System.CommandLine;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary><c>cigen generate [--config PATH] [--provider NAME]... [--output DIR] [--check] [--force]</c></summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var provider = new Option<string[]>("--provider", "-p")
        {
            Description = "Provider to generate for: a name (github-actions, github, circleci, or NAME for cigen-provider-NAME) " +
                          "or the path of a provider executable. Repeat for several. Overrides the config's provider/providers",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory the generated paths are relative to [default: the directory holding the config]",
            HelpName = "DIR",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 3 and print a diff if any generated file is missing or differs",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace files at generated paths that cigen did not write (without it they are kept and nothing is written)",
        };
        var timeout = CommonOptions.ProviderTimeout();
        var maxResponse = CommonOptions.ProviderMaxResponse();

        var command = new Command("generate", "Generate the CI files from the config") { config, provider, output, check, force, timeout, maxResponse };
        command.SetAction((parseResult, cancellationToken) => Generator.RunAsync(
            CommonOptions.Console(parseResult),
            new GenerateRequest
            {
                ConfigPath = parseResult.GetValue(config),
                Providers = parseResult.GetValue(provider) ?? [],
                OutputDirectory = parseResult.GetValue(output),
                Check = parseResult.GetValue(check),
                Force = parseResult.GetValue(force),
                HostOptions = CommonOptions.HostOptions(parseResult.GetValue(timeout), parseResult.GetValue(maxResponse)),
            },
            cancellationToken));
        return command;
    }
}
