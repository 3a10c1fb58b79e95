using System.Diagnostics;
using System.Text;
using CIGen.Core.Generation;
using CIGen.Protocol;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Wire;
using StreamJsonRpc;

namespace CIGen.Core.Providers;

/// <summary>
/// One running provider process and the JSON-RPC session with it: started with a minimal environment, initialized
/// within the handshake timeout, every call bounded by a timeout, and shut down in order (shutdown request, stdin
/// closed, a grace period, then the process tree killed). Every failure becomes a <see cref="ProviderException"/>
/// that names the provider and says what happened.
/// </summary>
public sealed partial class ProviderConnection : IAsyncDisposable
{
    private readonly ProviderExecutable executable;
    private readonly ProviderHostOptions options;
    private readonly Process process;
    private readonly FramingGuardStream stdout;
    private readonly StderrPump stderr;
    private readonly JsonRpc rpc;
    private readonly ProtocolClient client;
    private readonly TaskCompletionSource<JsonRpcDisconnectedEventArgs> disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool responsive = true;
    private bool disposed;

    private ProviderConnection(ProviderExecutable executable, ProviderHostOptions options, Process process, TextWriter log)
    {
        this.executable = executable;
        this.options = options;
        this.process = process;
        stderr = new StderrPump(process.StandardError, executable.Name, log);
        stdout = new FramingGuardStream(process.StandardOutput.BaseStream, options.MaxMessageBytes);
        rpc = new JsonRpc(WireFormat.CreateHandler(process.StandardInput.BaseStream, stdout));
        rpc.Disconnected += (_, e) => disconnected.TrySetResult(e);
        client = new ProtocolClient(rpc);
        rpc.StartListening();
    }

    public ProviderExecutable Executable => executable;

    /// <summary>What the provider answered to <c>initialize</c>.</summary>
    public InitializeResult Description { get; private set; } = null!;

    /// <summary>Starts the provider and completes the handshake.</summary>
    /// <param name="log">Receives the provider's stderr lines, prefixed; must be safe to use from several threads.</param>
    public static async Task<ProviderConnection> StartAsync(
        ProviderExecutable executable, ProviderHostOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var connection = new ProviderConnection(executable, options, Launch(executable), log);
        try
        {
            connection.Description = await connection.InitializeAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<GenerateResult> GenerateAsync(GenerateParams request, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Methods.Generate, ct => client.GenerateAsync(request, ct), options.CallTimeout, cancellationToken)
            ?? throw Fail($"answered '{Methods.Generate}' with null instead of {{\"files\": [...], \"diagnostics\": [...]}}.");

        // A missing `files` is not "no files": read as none, it would make every file this provider generated before
        // stale, and deleted. A missing `diagnostics` loses nothing, so it means none.
        var files = (IReadOnlyList<OutputFile>?)result.Files
            ?? throw Fail($"answered '{Methods.Generate}' without \"files\"; an empty list [] says it generates nothing.");
        return new GenerateResult(files, (IReadOnlyList<Diagnostic>?)result.Diagnostics ?? []);
    }

    /// <summary>Orderly shutdown; the process is gone (killed if need be) when this completes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (responsive && !disconnected.Task.IsCompleted)
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.ShutdownGrace);
                await client.ShutdownAsync(timeout.Token).WaitAsync(options.ShutdownGrace);
            }
            catch (Exception)
            {
                // Shutting down anyway; a provider that cannot say goodbye is killed below.
            }
        }

        rpc.Dispose(); // closes the provider's stdin: end of input means "exit now"
        CloseQuietly(process.StandardInput);
        try
        {
            await process.WaitForExitAsync().WaitAsync(options.ShutdownGrace);
        }
        catch (TimeoutException)
        {
            KillTree();
        }

        await stderr.Completion.WaitAsync(options.ShutdownGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
    }

    private async Task<InitializeResult> InitializeAsync(CancellationToken cancellationToken)
    {
        var offered = ProtocolVersions.Supported;
        var result = await CallAsync(
            Methods.Initialize,
            ct => client.InitializeAsync(new InitializeParams(offered, HostIdentity.Info), ct),
            options.HandshakeTimeout,
            cancellationToken) ?? throw Fail($"answered '{Methods.Initialize}' with null.");

        // Versions start at 1: a 0 is a missing field (the type cannot tell the two apart).
        if (result.ProtocolVersion == 0)
        {
            throw Fail(
                $"answered '{Methods.Initialize}' without \"protocolVersion\", the version it chose of those offered ({offered.Describe()}).",
                GenerationCodes.ProtocolVersionMismatch);
        }

        if (!offered.Contains(result.ProtocolVersion))
        {
            throw Fail(
                $"chose protocol version {result.ProtocolVersion}, but cigen {HostIdentity.Version} speaks protocol version {offered.Describe()}. " +
                "Use a provider built for this cigen version.",
                GenerationCodes.ProtocolVersionMismatch);
        }

        if (string.IsNullOrWhiteSpace(result.Name) || string.IsNullOrWhiteSpace(result.Version))
        {
            throw Fail($"answered '{Methods.Initialize}' without a name and version.");
        }

        return result with
        {
            Capabilities = (IReadOnlyList<string>?)result.Capabilities ?? [],
            Outputs = (IReadOnlyList<string>?)result.Outputs ?? [],
        };
    }

    private async Task<T> CallAsync<T>(string method, Func<CancellationToken, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The call itself is never cancelled (that would send $/cancelRequest); the wait is, by the timeout or the user.
        var pending = call(CancellationToken.None);
        try
        {
            // A hung provider never answers, not even a cancellation: the timeout must not depend on its reply.
            return await pending.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A provider that stopped answering gets nothing more — no $/cancelRequest, no shutdown (docs/protocol.md,
            // "Lifecycle"): it is stopped, and the abandoned call fails when the connection closes.
            responsive = false;
            _ = pending.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw FramingFailure()
                ?? Fail($"did not answer '{method}' within {timeout.TotalSeconds:0.#} s; it was stopped.", GenerationCodes.ProviderTimeout, withTail: true);
        }
        catch (RemoteInvocationException exception) when (exception.ErrorCode == ErrorCodes.UnsupportedProtocolVersion)
        {
            throw Fail(
                $"does not speak a protocol version cigen {HostIdentity.Version} speaks ({ProtocolVersions.Supported.Describe()}): {exception.Message}",
                GenerationCodes.ProtocolVersionMismatch);
        }
        catch (RemoteInvocationException exception)
        {
            throw Fail($"answered '{method}' with error {exception.ErrorCode}: {exception.Message}", withTail: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            responsive = false;
            _ = pending.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (Exception exception) when (exception is not ProviderException)
        {
            responsive = false;
            throw await DescribeLostConnectionAsync(method, exception);
        }
    }

    private async Task<ProviderException> DescribeLostConnectionAsync(string method, Exception exception)
    {
        if (FramingFailure() is { } framing)
        {
            return framing;
        }

        if (disconnected.Task.IsCompletedSuccessfully && disconnected.Task.Result is { Reason: DisconnectedReason.RemoteProtocolViolation or DisconnectedReason.ParseError } broken)
        {
            // StreamJsonRpc hangs up on a message it cannot take — a response to an id it never sent, an id of another
            // type — and the provider then exits on the closed stdin: its exit is the consequence, not the cause.
            return Fail(
                $"broke the protocol during '{method}': {broken.Description.TrimEnd('.')}. A response carries the id of the request it answers, " +
                "as sent: cigen's ids are numbers.");
        }

        if (exception is not ConnectionLostException && !disconnected.Task.IsCompleted && !process.HasExited)
        {
            // The connection is alive but the answer could not be read: a malformed result. Said in the protocol's terms —
            // where in the JSON, not which .NET type failed to deserialize.
            return Fail($"sent a '{method}' answer cigen cannot read: {Unreadable(exception)}");
        }

        // Give the process a moment to finish dying, and its last stderr lines a moment to arrive.
        try
        {
            await process.WaitForExitAsync().WaitAsync(options.ShutdownGrace);
            await stderr.Completion.WaitAsync(options.ShutdownGrace);
        }
        catch (TimeoutException)
        {
        }

        if (FramingFailure() is { } lateFraming)
        {
            return lateFraming;
        }

        return process.HasExited
            ? Fail($"exited with code {process.ExitCode} during '{method}'.", GenerationCodes.ProviderCrashed, withTail: true)
            : Fail($"closed the connection during '{method}' ({exception.Message}).", GenerationCodes.ProviderCrashed, withTail: true);
    }

    /// <summary>Where an answer breaks the protocol's types: the JSON path of the value, when the reader names one.</summary>
    private static string Unreadable(Exception exception)
    {
        for (var inner = (Exception?)exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json)
            {
                // System.Text.Json names the path in the property, or, rethrown by StreamJsonRpc, only in the message.
                var path = json.Path is { Length: > 0 } property ? property : JsonPathInMessage().Match(json.Message) is { Success: true } match ? match.Groups[1].Value : null;
                return path is null
                    ? "it is not JSON of the shape docs/protocol.md gives it."
                    : $"the value at {path} is not of the type docs/protocol.md gives it.";
            }
        }

        return exception.Message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPathInMessage();

    /// <summary>What broke the framing of the provider's stdout, when something did.</summary>
    private ProviderException? FramingFailure()
    {
        if (stdout.StrayOutput is { } stray)
        {
            return Fail(
                $"wrote non-protocol output to stdout: \"{stray}\". A provider must write only JSON-RPC messages to stdout and log to stderr.",
                GenerationCodes.ProviderProtocolViolation);
        }

        return stdout.OversizedMessage is { } length
            ? Fail(
                $"announced a message of {Mebibytes(length)} (Content-Length {length}), over the limit of {Mebibytes(options.MaxMessageBytes)}; " +
                "it was stopped before cigen read it. A generated CI configuration is far smaller: is the provider returning something else? " +
                "--provider-max-response raises the limit.",
                GenerationCodes.ProviderProtocolViolation)
            : null;
    }

    private static string Mebibytes(long bytes) => FormattableString.Invariant($"{bytes / (1024.0 * 1024.0):0.#} MiB");

    private ProviderException Fail(string what, string code = GenerationCodes.ProviderProtocolViolation, bool withTail = false)
    {
        var message = new StringBuilder($"provider '{executable.Name}' ({executable.Path}) {what}");
        var tail = withTail ? stderr.Tail : [];
        if (tail.Count > 0)
        {
            message.AppendLine().Append("Its last stderr lines:");
            foreach (var line in tail)
            {
                message.AppendLine().Append("  ").Append(line);
            }
        }

        return new ProviderException(code, message.ToString());
    }

    /// <summary>Starts the provider the one way cigen starts providers: no arguments, piped streams, minimal environment.</summary>
    internal static Process Launch(ProviderExecutable executable)
    {
        var startInfo = new ProcessStartInfo(executable.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        startInfo.Environment.Clear();
        foreach (var (name, value) in ProviderEnvironment.Build())
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            throw new ProviderException(
                GenerationCodes.ProviderCrashed,
                $"provider '{executable.Name}' ({executable.Path}) could not be started: {exception.Message}");
        }
    }

    private void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static void CloseQuietly(StreamWriter writer)
    {
        try
        {
            writer.Close();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
        }
    }
}
