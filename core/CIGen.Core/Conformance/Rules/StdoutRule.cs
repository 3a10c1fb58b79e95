namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Nothing but protocol messages on stdout, in any of the three processes, from start to exit: checked by the same
/// framing guard <c>cigen generate</c> reads providers through, plus JSON-RPC parsing of each framed message.
/// </summary>
internal sealed class StdoutRule : ConformanceRule
{
    public override string Name => "stdout-protocol-only";

    public override RuleVerdict Judge(Observations seen) =>
        RuleVerdict.Of([.. seen.StdoutProblems.Select(p => $"{p}; write only JSON-RPC messages to stdout and log to stderr")]);
}
