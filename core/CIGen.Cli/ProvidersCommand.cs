using System.CommandLine;
using CIGen.Core.Conformance;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary>
/// <c>cigen providers [--config PATH]</c>: the providers cigen finds, each started and asked who it is; and
/// <c>cigen providers check NAME|PATH</c>, the conformance kit for provider authors.
/// </summary>
internal static class ProvidersCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var timeout = CommonOptions.ProviderTimeout();
        var maxResponse = CommonOptions.ProviderMaxResponse();
        var command = new Command(
            "providers",
            "List the provider executables cigen finds (provider_path, CIGEN_PROVIDER_PATH, beside cigen, PATH) with name, version, protocol and path")
        {
            config,
            timeout,
            maxResponse,
            CheckCommand(),
        };
        command.SetAction((parseResult, cancellationToken) => ProviderCatalog.ListAsync(
            CommonOptions.Console(parseResult),
            parseResult.GetValue(config),
            CommonOptions.HostOptions(parseResult.GetValue(timeout), parseResult.GetValue(maxResponse)),
            cancellationToken));
        return command;
    }

    private static Command CheckCommand()
    {
        var provider = new Argument<string>("provider")
        {
            Description = "A provider name (found as cigen generate finds it) or the path of a provider executable, e.g. ./cigen-provider-mine",
            HelpName = "NAME|PATH",
            Validators =
            {
                // System.CommandLine hands an unknown `--option` to the argument; no provider is named like that.
                result =>
                {
                    if (result.Tokens is [{ Value: ['-', ..] value }])
                    {
                        result.AddError($"Unrecognized option '{value}'; a provider's path starting with '-' is written ./{value}.");
                    }
                },
            },
        };
        var config = CommonOptions.Config();
        config.Description = "A config whose provider_path is searched for NAME [default: cigen.yml or .cigen/ in the current directory, if any]";
        var timeout = CommonOptions.ProviderTimeout(ConformanceOptions.DefaultCallTimeout);
        var command = new Command(
            "check",
            "Run a provider against built-in sample graphs and check every rule of the provider protocol; prints PASS or FAIL per rule, exits 0 only when all pass")
        {
            provider,
            config,
            timeout,
        };
        command.SetAction((parseResult, cancellationToken) => ConformanceCheck.RunAsync(
            CommonOptions.Console(parseResult),
            parseResult.GetValue(provider)!,
            parseResult.GetValue(config),
            new ConformanceOptions { CallTimeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)) },
            cancellationToken));
        return command;
    }
}
