using CIGen.Core.Conformance.Rules;

namespace CIGen.Core.Conformance;

/// <summary>The kit's rules, in the order they are printed: handshake first, lifecycle last.</summary>
internal static class ConformanceRules
{
    public static IReadOnlyList<ConformanceRule> All { get; } =
    [
        new HandshakeRule(),
        new VersionChoiceRule(),
        new VersionRefusalRule(),
        new GenerateResultRule(),
        new StdoutRule(),
        new DeterminismRule(),
        new OutputPathsRule(),
        new DiagnosticsRule(),
        new WorkflowsRenderedRule(),
        new JobsRenderedRule(),
        new StepsRenderedRule(),
        new CancellationRule(),
        new ShutdownRule(),
        new ExitOnEofRule(),
        new TimeoutsRule(),
    ];
}
