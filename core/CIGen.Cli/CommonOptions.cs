using System.CommandLine;
using System.Globalization;
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

    /// <summary>The longest call timeout accepted: a day, far beyond any provider call and within TimeSpan's range.</summary>
    public const int MaxProviderTimeoutSeconds = 86_400;

    /// <param name="defaultTimeout">The default; that of <c>cigen generate</c> when not given.</param>
    public static Option<int> ProviderTimeout(TimeSpan? defaultTimeout = null) => new("--provider-timeout")
    {
        Description = $"Seconds to wait for each provider call before stopping the provider (1 to {MaxProviderTimeoutSeconds})",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => (int)(defaultTimeout ?? new ProviderHostOptions().CallTimeout).TotalSeconds,
        // A parser rather than a validator: the default parser's failure on `abc` or `99999999999` surfaces as an
        // exception when a validator reads the value, so the option reads its token itself and reports a usage error.
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds is >= 1 and <= MaxProviderTimeoutSeconds)
            {
                return seconds;
            }

            result.AddError($"--provider-timeout takes whole seconds from 1 to {MaxProviderTimeoutSeconds}, not '{token}'.");
            return 0;
        },
    };

    public static ProviderHostOptions HostOptions(int timeoutSeconds) =>
        new ProviderHostOptions().WithCallTimeout(TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The console a command prints to: the invocation's writers, so tests can capture them.</summary>
    public static CommandConsole Console(ParseResult parseResult) =>
        new(Environment.CurrentDirectory, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
}
