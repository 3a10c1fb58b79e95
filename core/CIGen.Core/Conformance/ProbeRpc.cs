using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>
/// A JSON-RPC connection that can cancel a request the moment it has been written, and tell when the resulting
/// <c>$/cancelRequest</c> is on the wire. The cancellation rule needs both for a fixed order of messages: the request,
/// then its cancellation, then the next request. Cancelling on a timer could cancel before sending (then nothing reaches
/// the provider), and StreamJsonRpc sends the notification from a background task, which could trail the next request.
/// </summary>
internal sealed class ProbeRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    private const string CancelRequestMethod = "$/cancelRequest";

    private CancellationTokenSource? cancelNext;
    private TaskCompletionSource? cancelSent;

    /// <summary>Cancels <paramref name="source"/> right after the next request is written.</summary>
    /// <returns>Completes once the <c>$/cancelRequest</c> this causes has been written.</returns>
    public Task CancelAfterSending(CancellationTokenSource source)
    {
        cancelSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancelNext = source;
        return cancelSent.Task;
    }

    protected override async ValueTask SendAsync(JsonRpcMessage message, CancellationToken cancellationToken)
    {
        await base.SendAsync(message, cancellationToken);
        if (message is not JsonRpcRequest request)
        {
            return;
        }

        if (request.Method == CancelRequestMethod)
        {
            Interlocked.Exchange(ref cancelSent, null)?.TrySetResult();
        }
        else if (request.IsResponseExpected && Interlocked.Exchange(ref cancelNext, null) is { } source)
        {
            // StreamJsonRpc registers the request's token as soon as this returns; a token cancelled by then makes it
            // send $/cancelRequest at once.
            await source.CancelAsync();
        }
    }
}
