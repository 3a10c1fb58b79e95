namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// When stdin ends without a <c>shutdown</c> (cigen died or gave up), the provider exits within a few seconds anyway
/// instead of lingering as an orphan. Its exit code is not judged.
/// </summary>
internal sealed class ExitOnEofRule : ConformanceRule
{
    public override string Name => "exit-on-eof";

    public override RuleVerdict Judge(Observations seen) =>
        seen.ExitWithoutShutdown switch
        {
            { NotChecked: { } why } => RuleVerdict.Fail($"not checked: {why}"),
            { Exited: false } => RuleVerdict.Fail(
                $"it had not exited {seen.Options.ExitGrace.TotalSeconds:0.#} s after its stdin was closed without 'shutdown'; it was killed. Exit when stdin ends"),
            _ => RuleVerdict.Pass,
        };
}
