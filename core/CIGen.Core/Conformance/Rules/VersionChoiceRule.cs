using CIGen.Provider.Sdk;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Offered a newer host's range, which reaches beyond every version that exists, the provider still picks a version
/// inside it, and not a lower one than for this cigen's range: the highest version both sides speak can only grow
/// when the offer grows. A provider that insists on an exact range breaks with the next cigen release.
/// </summary>
internal sealed class VersionChoiceRule : ConformanceRule
{
    public override string Name => "version-choice";

    public override RuleVerdict Judge(Observations seen)
    {
        var call = seen.WideHandshake;
        if (call is not { Status: CallStatus.Answered, Result: { } result })
        {
            return RuleVerdict.Fail(call.Status == CallStatus.Answered ? $"{call.Label} was answered with null" : call.Describe());
        }

        if (!seen.WideRange.Contains(result.ProtocolVersion))
        {
            return RuleVerdict.Fail($"offered {seen.WideRange.Describe()}, it chose protocol version {result.ProtocolVersion}, outside the offered range");
        }

        if (seen.Handshake.Result is { } narrow && result.ProtocolVersion < narrow.ProtocolVersion)
        {
            return RuleVerdict.Fail(
                $"offered {seen.WideRange.Describe()}, it chose protocol version {result.ProtocolVersion}, lower than the {narrow.ProtocolVersion} " +
                $"it chose when offered {seen.HostRange.Describe()}; choose the highest version both sides speak");
        }

        return RuleVerdict.Pass;
    }
}
