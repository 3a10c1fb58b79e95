namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// <c>shutdown</c> is answered, and once stdin is closed the provider exits with code 0 within a few seconds
/// (cigen waits 2 s before it kills the process tree).
/// </summary>
internal sealed class ShutdownRule : ConformanceRule
{
    public override string Name => "shutdown";

    public override RuleVerdict Judge(Observations seen)
    {
        if (seen.Shutdown.Status != CallStatus.Answered)
        {
            return RuleVerdict.Fail(seen.Shutdown.Describe());
        }

        var exit = seen.ExitAfterShutdown;
        var grace = $"{seen.Options.ExitGrace.TotalSeconds:0.#} s";
        return exit switch
        {
            { NotChecked: { } why } => RuleVerdict.Fail($"the exit was not checked: {why}"),
            { Exited: false } => RuleVerdict.Fail($"it answered 'shutdown' but had not exited {grace} after its stdin was closed; it was killed"),
            { ExitCode: not 0 } => RuleVerdict.Fail($"it exited with code {exit.ExitCode} after 'shutdown'; exit with 0"),
            _ => RuleVerdict.Pass,
        };
    }
}
