using CIGen.Core.Output;
using CIGen.Provider.Sdk;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// <c>initialize</c> with this cigen's versions is answered with a name, a version, a protocol version inside the
/// offered range, and output patterns that stay inside the output root (cigen deletes stale files that match them).
/// </summary>
internal sealed class HandshakeRule : ConformanceRule
{
    public override string Name => "handshake";

    public override RuleVerdict Judge(Observations seen)
    {
        var call = seen.Handshake;
        if (call.Status != CallStatus.Answered)
        {
            return RuleVerdict.Fail(call.Describe());
        }

        if (call.Result is not { } result)
        {
            return RuleVerdict.Fail($"{call.Label} was answered with null instead of {{name, version, protocolVersion, capabilities, outputs}}");
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(result.Name))
        {
            problems.Add("the answer has no 'name'");
        }

        if (string.IsNullOrWhiteSpace(result.Version))
        {
            problems.Add("the answer has no 'version'");
        }

        if (!seen.HostRange.Contains(result.ProtocolVersion))
        {
            problems.Add($"it chose protocol version {result.ProtocolVersion}, outside the offered {seen.HostRange.Describe()}");
        }

        foreach (var pattern in (IReadOnlyList<string>?)result.Outputs ?? [])
        {
            if (OutputPaths.Problem(pattern) is { } problem)
            {
                problems.Add($"the output pattern {Evidence.Quote(pattern)} is unusable: {problem}");
            }
        }

        return RuleVerdict.Of(problems);
    }
}
