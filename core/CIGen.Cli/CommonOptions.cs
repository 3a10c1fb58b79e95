using System.CommandLine;
using CIGen.Core.Generation;
using CIGen.Core.Providers;

namespace CIGen.Cli;

/// <summary>Options several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "The config: a cigen.yml file or a .cigen directory [default: cigen.yml or .cigen/ in the current directory]",
        HelpName = "PATH",
    };

    /// <param name="defaultTimeout">The default; that of <c>cigen generate</c> when not given.</param>
    public static Option<int> ProviderTimeout(TimeSpan? defaultTimeout = null) => new("--provider-timeout")
    {
        Description = "Seconds to wait for each provider call before stopping the provider",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => (int)(defaultTimeout ?? new ProviderHostOptions().CallTimeout).TotalSeconds,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() <= 0)
                {
                    result.AddError("--provider-timeout must be a positive number of seconds.");
                }
            },
        },
    };

    public static ProviderHostOptions HostOptions(int timeoutSeconds) =>
        new ProviderHostOptions().WithCallTimeout(TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The console a command prints to: the invocation's writers, so tests can capture them.</summary>
    public static CommandConsole Console(ParseResult parseResult) =>
        new(Environment.CurrentDirectory, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
}
