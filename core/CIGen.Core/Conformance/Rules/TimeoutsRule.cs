namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every request the kit sent (in all three processes; the deliberately cancelled one aside) is answered within the
/// call timeout (<c>--provider-timeout</c>, 30 s by default). A timed-out provider is stopped, so the rules that
/// needed its later answers fail too, saying so.
/// </summary>
internal sealed class TimeoutsRule : ConformanceRule
{
    public override string Name => "timeouts";

    public override RuleVerdict Judge(Observations seen) =>
        RuleVerdict.Of([.. seen.Calls.Where(c => c.Status == CallStatus.TimedOut).Select(c => c.Describe())]);
}
