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
        CustomParser = result => WholeNumber(result, "--provider-timeout", "seconds", MaxProviderTimeoutSeconds),
    };

    /// <summary>The largest <c>--provider-max-response</c>: 1 GiB, beyond which no CI configuration is plausible.</summary>
    public const int MaxResponseMebibytesLimit = 1024;

    public static Option<int> ProviderMaxResponse() => new("--provider-max-response")
    {
        Description = $"The largest answer a provider may send, in MiB (1 to {MaxResponseMebibytesLimit}); a larger one stops it",
        HelpName = "MIB",
        DefaultValueFactory = _ => (int)(new ProviderHostOptions().MaxMessageBytes / (1024 * 1024)),
        CustomParser = result => WholeNumber(result, "--provider-max-response", "MiB", MaxResponseMebibytesLimit),
    };

    public static ProviderHostOptions HostOptions(int timeoutSeconds, int maxResponseMebibytes) =>
        new ProviderHostOptions().WithCallTimeout(TimeSpan.FromSeconds(timeoutSeconds)) with { MaxMessageBytes = maxResponseMebibytes * 1024L * 1024L };

    /// <summary>
    /// Reads an option's one token as a whole number from 1 to <paramref name="max"/>, or reports a usage error. A
    /// parser rather than a validator: the default parser's failure on <c>abc</c> or <c>99999999999</c> surfaces as an
    /// exception when a validator reads the value.
    /// </summary>
    private static int WholeNumber(System.CommandLine.Parsing.ArgumentResult result, string option, string unit, int max)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        result.AddError($"{option} takes whole {unit} from 1 to {max}, not '{token}'.");
        return 0;
    }

    /// <summary>The console a command prints to: the invocation's writers, so tests can capture them.</summary>
    public static CommandConsole Console(ParseResult parseResult) =>
        new(Environment.CurrentDirectory, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
}
