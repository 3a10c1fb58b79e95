using System.Globalization;
using CIGen.Protocol;
using CIGen.Provider.Sdk;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Offered only versions no provider speaks yet, the provider answers error -31001 (UnsupportedProtocolVersion) with a
/// message naming the host's range, which cigen shows the user; it must not pretend to speak them.
/// </summary>
internal sealed class VersionRefusalRule : ConformanceRule
{
    public override string Name => "version-refusal";

    public override RuleVerdict Judge(Observations seen)
    {
        var call = seen.Refusal;
        var offered = seen.RefusedRange.Describe();
        switch (call.Status)
        {
            case CallStatus.Answered:
                return RuleVerdict.Fail(
                    $"offered only {offered}, it accepted with protocol version {call.Result?.ProtocolVersion.ToString(CultureInfo.InvariantCulture) ?? "null"}; " +
                    $"when the ranges do not overlap, answer error {ErrorCodes.UnsupportedProtocolVersion}");
            case CallStatus.Error when call.ErrorCode != ErrorCodes.UnsupportedProtocolVersion:
                return RuleVerdict.Fail($"{call.Describe()}; expected error {ErrorCodes.UnsupportedProtocolVersion} (UnsupportedProtocolVersion)");
            case CallStatus.Error when !(call.Detail ?? "").Contains(seen.RefusedRange.Min.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal):
                return RuleVerdict.Fail($"the error message does not name the host's range {offered}: {Evidence.Quote(call.Detail)}");
            case CallStatus.Error:
                return RuleVerdict.Pass;
            default:
                return RuleVerdict.Fail(call.Describe());
        }
    }
}
