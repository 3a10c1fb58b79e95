namespace CIGen.Core.Conformance.Rules;

/// <summary>Whether a rule held, and if not, the evidence: one line the provider's author can act on.</summary>
internal sealed record RuleVerdict(bool Passed, string? Evidence)
{
    public static RuleVerdict Pass { get; } = new(true, null);

    public static RuleVerdict Fail(string evidence) => new(false, Conformance.Evidence.OneLine(evidence));

    /// <summary>Passes when there are no problems; fails with the first few of them otherwise.</summary>
    /// <remarks>The same problem found twice (a diagnostic repeated per matrix leg) is named once.</remarks>
    public static RuleVerdict Of(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? Pass : Fail(Conformance.Evidence.Join([.. problems.Distinct(StringComparer.Ordinal)]));
}

/// <summary>One rule of the contract (docs/protocol.md), judged on what the probe observed.</summary>
internal abstract class ConformanceRule
{
    /// <summary>The name printed in <c>PASS name</c> / <c>FAIL name: evidence</c>; stable, part of the kit's output.</summary>
    public abstract string Name { get; }

    public abstract RuleVerdict Judge(Observations seen);
}
