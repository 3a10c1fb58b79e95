using StreamJsonRpc.Protocol;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// A <c>generate</c> cancelled with <c>$/cancelRequest</c> right after it was sent is answered with its result or
/// with error -32800 (RequestCancelled), or dropped, but never answered with another error; and the provider keeps
/// serving: the next <c>generate</c> is answered with a result. cigen cancels a request only when it has given up on
/// it, so what matters is that the provider neither breaks nor wedges.
/// </summary>
internal sealed class CancellationRule : ConformanceRule
{
    public override string Name => "cancellation";

    public override RuleVerdict Judge(Observations seen)
    {
        var problems = new List<string>();
        switch (seen.Cancelled)
        {
            case { Status: CallStatus.NotSent }:
                return RuleVerdict.Fail($"not checked: {seen.Cancelled.Describe()}");
            case { Status: CallStatus.Error, ErrorCode: not (int)JsonRpcErrorCode.RequestCanceled }:
                problems.Add($"{seen.Cancelled.Describe()}; answer a cancelled request with its result or error {(int)JsonRpcErrorCode.RequestCanceled}");
                break;
            case { Status: CallStatus.Broken or CallStatus.TimedOut }:
                problems.Add(seen.Cancelled.Describe());
                break;
        }

        if (seen.AfterCancel is not { Status: CallStatus.Answered, Result: not null })
        {
            problems.Add(seen.AfterCancel.Status == CallStatus.Answered ? $"{seen.AfterCancel.Label} was answered with null" : seen.AfterCancel.Describe());
        }

        return RuleVerdict.Of(problems);
    }
}
