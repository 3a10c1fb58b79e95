using System.CommandLine;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary><c>cigen providers [--config PATH]</c>: the providers cigen finds, each started and asked who it is.</summary>
internal static class ProvidersCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var timeout = CommonOptions.ProviderTimeout();
        var command = new Command(
            "providers",
            "List the provider executables cigen finds (provider_path, CIGEN_PROVIDER_PATH, beside cigen, PATH) with name, version, protocol and path")
        {
            config,
            timeout,
        };
        command.SetAction((parseResult, cancellationToken) => ProviderCatalog.ListAsync(
            CommonOptions.Console(parseResult),
            parseResult.GetValue(config),
            CommonOptions.HostOptions(parseResult.GetValue(timeout)),
            cancellationToken));
        return command;
    }
}
