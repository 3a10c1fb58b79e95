using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>
/// A JSON-RPC connection that can cancel a request the moment it has been written. The cancellation rule must send
/// <c>$/cancelRequest</c> for a request the provider has really received: cancelling on a timer could cancel it before
/// it is sent (then nothing reaches the provider) and would make the rule depend on timing.
/// </summary>
internal sealed class ProbeRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    private CancellationTokenSource? cancelNext;

    /// <summary>Cancels <paramref name="source"/> right after the next request is written.</summary>
    public void CancelAfterSending(CancellationTokenSource source) => cancelNext = source;

    protected override async ValueTask SendAsync(JsonRpcMessage message, CancellationToken cancellationToken)
    {
        await base.SendAsync(message, cancellationToken);

        // StreamJsonRpc registers the request's token as soon as this returns; a token cancelled by then makes it send
        // $/cancelRequest at once, after the request itself.
        if (message is JsonRpcRequest { IsResponseExpected: true } && Interlocked.Exchange(ref cancelNext, null) is { } source)
        {
            await source.CancelAsync();
        }
    }
}
