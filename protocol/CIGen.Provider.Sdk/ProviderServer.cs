using CIGen.Protocol;
using CIGen.Provider.Sdk.Wire;
using StreamJsonRpc;

namespace CIGen.Provider.Sdk;

/// <summary>Serves an <see cref="IProvider"/> on stdin/stdout until the host closes stdin.</summary>
public static class ProviderServer
{
    /// <summary>
    /// The whole <c>Main</c> of a provider. Stdout is the wire, so it is taken before anything can print to it and
    /// <see cref="Console.Out"/> is pointed at stderr: a stray <c>Console.WriteLine</c> then lands in the log instead of
    /// corrupting the protocol. Returns the process exit code: 0 when the host closed stdin.
    /// </summary>
    public static async Task<int> RunAsync(IProvider provider, string[] args)
    {
        _ = args; // Reserved: providers take no arguments today; cigen passes none.
        var output = Console.OpenStandardOutput();
        var input = Console.OpenStandardInput();
        Console.SetOut(Console.Error);

        if (Environment.GetEnvironmentVariable(ProtocolInfo.MagicCookieName) != ProtocolInfo.MagicCookieValue)
        {
            Console.Error.WriteLine(
                $"This is a cigen provider plugin; cigen starts it (for example `cigen generate --provider NAME`) and talks to it over stdin/stdout. " +
                $"It is not meant to be run by hand.");
            return 1;
        }

        return await ServeAsync(provider, output, input, Console.Error);
    }

    /// <summary>Serves one connection over the given streams; returns 0 when <paramref name="input"/> ends.</summary>
    /// <param name="output">Where responses are written (the provider's stdout).</param>
    /// <param name="input">Where requests are read from (the provider's stdin).</param>
    /// <param name="log">Where the provider logs (its stderr).</param>
    public static async Task<int> ServeAsync(
        IProvider provider, Stream output, Stream input, TextWriter log, CancellationToken cancellationToken = default)
    {
        using var rpc = new JsonRpc(WireFormat.CreateHandler(output, input));
        rpc.CancelLocallyInvokedMethodsWhenConnectionIsClosed = true;
        ProviderSession.Register(rpc, new ProviderSession(provider, log));
        rpc.StartListening();
        await using var stop = cancellationToken.Register(rpc.Dispose);
        try
        {
            await rpc.Completion;
            return 0;
        }
        catch (Exception exception)
        {
            log.WriteLine($"The connection to cigen failed: {exception.Message}");
            return 1;
        }
    }
}
