using System.Diagnostics;
using CIGen.Core.Providers;
using CIGen.Protocol;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Wire;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>
/// One provider process, started exactly as cigen starts providers, driven request by request. Unlike
/// <see cref="ProviderConnection"/>, which stops at the first problem with a message for the user, it records how
/// each request ended and carries on where it can, so that every rule gets its evidence. Its stdout passes through
/// the host's <see cref="FramingGuardStream"/>, the same guard <c>cigen generate</c> uses.
/// </summary>
internal sealed class ProbeSession : IAsyncDisposable
{
    private readonly ConformanceOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly List<ProbeCall> calls;
    private readonly Process? process;
    private readonly Stream? stdin;
    private readonly FramingGuardStream? stdout;
    private readonly StderrPump? stderr;
    private readonly ProbeRpc? rpc;
    private readonly ProtocolClient? client;
    private readonly TaskCompletionSource<JsonRpcDisconnectedEventArgs> disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Why no more requests are sent; null while the session is usable.</summary>
    private string? ended;

    /// <summary>Set once the kit has killed the process (after a timeout): its exit says nothing about the provider then.</summary>
    private bool killed;

    private ProbeSession(ProviderExecutable executable, ConformanceOptions options, List<ProbeCall> calls, TextWriter log, CancellationToken cancellationToken)
    {
        this.options = options;
        this.cancellationToken = cancellationToken;
        this.calls = calls;
        try
        {
            process = ProviderConnection.Launch(executable);
        }
        catch (ProviderException exception)
        {
            ended = exception.Message;
            return;
        }

        stderr = new StderrPump(process.StandardError, executable.Name, log);
        stdin = process.StandardInput.BaseStream;
        stdout = new FramingGuardStream(process.StandardOutput.BaseStream, new ProviderHostOptions().MaxMessageBytes);
        rpc = new ProbeRpc(WireFormat.CreateHandler(stdin, stdout));
        rpc.Disconnected += (_, e) => disconnected.TrySetResult(e);
        client = new ProtocolClient(rpc);
        rpc.StartListening();
    }

    /// <summary>
    /// What reached the host's stdout that is not the protocol: bytes outside the framing, or a framed message that
    /// is not JSON-RPC. Null when the stream stayed clean.
    /// </summary>
    public string? StdoutProblem =>
        stdout?.StrayOutput is { } stray
            ? $"non-protocol output \"{stray}\""
            : stdout?.OversizedMessage is { } length
                ? $"a message of {length} bytes, over the host's limit of {new ProviderHostOptions().MaxMessageBytes}"
            : disconnected.Task.IsCompleted && disconnected.Task.Result.Reason is DisconnectedReason.ParseError or DisconnectedReason.RemoteProtocolViolation
                ? $"a message that is not JSON-RPC ({disconnected.Task.Result.Description})"
                : null;

    /// <summary>Starts the provider. A provider that cannot be started gives a session whose every call is "not sent".</summary>
    /// <param name="calls">Every call of every session is added here, for the timeouts rule.</param>
    /// <param name="log">Receives the provider's stderr lines, prefixed with its name.</param>
    /// <param name="cancellationToken">The user gave up (Ctrl+C): every wait ends, and disposing kills the process.</param>
    public static ProbeSession Start(
        ProviderExecutable executable, ConformanceOptions options, List<ProbeCall> calls, TextWriter log, CancellationToken cancellationToken) =>
        new(executable, options, calls, log, cancellationToken);

    /// <summary>Offers <paramref name="offered"/>; when that is not answered with a result, no later request is sent.</summary>
    public async Task<ProbeCall<InitializeResult>> InitializeAsync(VersionRange offered, string label)
    {
        var call = await CallAsync(label, ct => client!.InitializeAsync(new InitializeParams(offered, HostIdentity.Info), ct));
        if (call.Status != CallStatus.Answered)
        {
            End(call.Describe());
        }

        return call;
    }

    public Task<ProbeCall<GenerateResult>> GenerateAsync(GenerateParams request, string label) =>
        CallAsync(label, ct => client!.GenerateAsync(request, ct));

    public Task<ProbeCall<object>> ShutdownAsync(string label) =>
        CallAsync<object>(label, async ct =>
        {
            await client!.ShutdownAsync(ct);
            return null;
        });

    /// <summary>
    /// Sends a <c>generate</c> request, cancels it with <c>$/cancelRequest</c> as soon as it is written, then sends the
    /// same request again. The cancelled request's outcome is taken as it stands once the second one is answered: null
    /// when it is still unanswered by then (a provider may drop a request the host gave up on).
    /// </summary>
    public async Task<(ProbeCall<GenerateResult>? Cancelled, ProbeCall<GenerateResult> FollowUp)> GenerateCancelledAsync(
        GenerateParams request, string cancelledLabel, string followUpLabel)
    {
        if (ended is not null)
        {
            var notSent = ProbeCall<GenerateResult>.Failed(cancelledLabel, CallStatus.NotSent, ended);
            return (notSent, await GenerateAsync(request, followUpLabel));
        }

        using var cancellation = new CancellationTokenSource();
        var cancelSent = rpc!.CancelAfterSending(cancellation);
        var cancelled = client!.GenerateAsync(request, cancellation.Token);
        _ = cancelled.ContinueWith(t => t.Exception, TaskScheduler.Default);
        try
        {
            await cancelSent.WaitAsync(options.CallTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Sending is local and quick; not getting there means the connection is gone, which the next call reports.
        }

        var followUp = await GenerateAsync(request, followUpLabel);
        if (!cancelled.IsCompleted)
        {
            return (null, followUp);
        }

        var outcome = cancelled.IsCanceled
            ? ProbeCall<GenerateResult>.Failed(cancelledLabel, CallStatus.Error, "request cancelled", (int)JsonRpcErrorCode.RequestCanceled)
            : cancelled.Exception?.InnerException is RemoteInvocationException error
                ? ProbeCall<GenerateResult>.Failed(cancelledLabel, CallStatus.Error, error.Message, error.ErrorCode)
                : cancelled.IsFaulted
                    ? ProbeCall<GenerateResult>.Failed(cancelledLabel, CallStatus.Broken, cancelled.Exception!.InnerException!.Message)
                    : ProbeCall<GenerateResult>.Answered(cancelledLabel, cancelled.Result);
        return (outcome, followUp);
    }

    /// <summary>
    /// Closes the provider's stdin (end of input means "exit now") and waits <see cref="ConformanceOptions.ExitGrace"/>
    /// for the process to exit; kills it otherwise. After the exit stdout is read to its end, so output written on the
    /// way out still meets the framing guard.
    /// </summary>
    public async Task<ExitObservation> CloseInputAsync()
    {
        if (process is null || killed)
        {
            return new ExitObservation(false, null, ended);
        }

        try
        {
            await stdin!.DisposeAsync();
        }
        catch (IOException)
        {
            // The provider is gone already; its exit is observed below.
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(options.ExitGrace, cancellationToken);
        }
        catch (TimeoutException)
        {
            KillTree();
            return new ExitObservation(false, null, null);
        }

        // The exit closes stdout; let the reader reach its end (and the guard see the last bytes).
        await disconnected.Task.WaitAsync(options.ExitGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        return killed
            ? new ExitObservation(false, null, ended)
            : new ExitObservation(true, process.ExitCode, null);
    }

    public async ValueTask DisposeAsync()
    {
        rpc?.Dispose();
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            KillTree();
        }

        await stderr!.Completion.WaitAsync(options.ExitGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
    }

    private async Task<ProbeCall<T>> CallAsync<T>(string label, Func<CancellationToken, Task<T?>> call)
        where T : class
    {
        if (ended is not null)
        {
            return Record(ProbeCall<T>.Failed(label, CallStatus.NotSent, ended));
        }

        using var cancellation = new CancellationTokenSource();
        var pending = call(cancellation.Token);
        try
        {
            // A hung provider answers nothing, not even a cancellation: the bound must not depend on its reply.
            return Record(ProbeCall<T>.Answered(label, await pending.WaitAsync(options.CallTimeout, cancellationToken)));
        }
        catch (TimeoutException)
        {
            await cancellation.CancelAsync(); // $/cancelRequest, as cigen generate sends before it stops a provider
            _ = pending.ContinueWith(t => t.Exception, TaskScheduler.Default);
            var bound = $"{options.CallTimeout.TotalSeconds:0.#} s";
            End($"the provider was stopped after {label} was not answered within {bound}");
            KillTree();
            return Record(ProbeCall<T>.Failed(label, CallStatus.TimedOut, bound));
        }
        catch (RemoteInvocationException exception)
        {
            return Record(ProbeCall<T>.Failed(label, CallStatus.Error, exception.Message, exception.ErrorCode));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing here cancels a call, so this is the provider answering -32800 to a request nobody cancelled.
            return Record(ProbeCall<T>.Failed(label, CallStatus.Error, "request cancelled", (int)JsonRpcErrorCode.RequestCanceled));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (exception is not ConnectionLostException && StdoutProblem is null && !disconnected.Task.IsCompleted && !process!.HasExited)
            {
                // The connection is alive, only this answer could not be read: the session goes on.
                return Record(ProbeCall<T>.Failed(label, CallStatus.Broken, $"its answer cannot be read ({exception.Message})"));
            }

            var why = await DescribeLostConnectionAsync(exception);
            End($"the provider stopped serving: {why}");
            return Record(ProbeCall<T>.Failed(label, CallStatus.Broken, why));
        }
    }

    private async Task<string> DescribeLostConnectionAsync(Exception exception)
    {
        if (StdoutProblem is { } problem)
        {
            return $"it wrote {problem} to stdout";
        }

        // Give the process a moment to finish dying, and its last stderr line a moment to arrive.
        await process!.WaitForExitAsync().WaitAsync(options.ExitGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        await stderr!.Completion.WaitAsync(options.ExitGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        if (StdoutProblem is { } late)
        {
            return $"it wrote {late} to stdout";
        }

        var last = stderr.Tail.LastOrDefault(l => l.Trim().Length > 0) is { } line ? $" (last stderr line: {line.Trim()})" : "";
        return process.HasExited
            ? $"it exited with code {process.ExitCode}{last}"
            : $"it closed the connection ({exception.Message}){last}";
    }

    private ProbeCall<T> Record<T>(ProbeCall<T> call)
        where T : class
    {
        lock (calls)
        {
            calls.Add(call);
        }

        return call;
    }

    private void End(string why) => ended ??= why;

    private void KillTree()
    {
        killed = true;
        try
        {
            process!.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
