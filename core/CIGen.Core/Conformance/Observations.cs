using CIGen.Core.Providers;
using CIGen.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>The three <c>generate</c> answers for one sample: the evidence for determinism and for every output rule.</summary>
/// <param name="Request">What the provider was sent: the sample's graph as this provider sees it, and the options.</param>
/// <param name="First">The first run, in the main session: what the output rules judge.</param>
/// <param name="Repeat">The same request again in the same process.</param>
/// <param name="OtherProcess">The same request in a second process (hash seeds, random ordering, start time differ).</param>
internal sealed record SampleRuns(
    SampleProject Sample,
    GenerateParams Request,
    ProbeCall<GenerateResult> First,
    ProbeCall<GenerateResult> Repeat,
    ProbeCall<GenerateResult> OtherProcess);

/// <summary>Everything the kit saw the provider do. Rules only read this; they never talk to the provider.</summary>
internal sealed class Observations
{
    public required ProviderExecutable Provider { get; init; }

    public required ConformanceOptions Options { get; init; }

    /// <summary>The versions this cigen speaks: offered in the main session.</summary>
    public required VersionRange HostRange { get; init; }

    /// <summary>A newer host's offer, reaching beyond the versions that exist: the provider must still pick one in it.</summary>
    public required VersionRange WideRange { get; init; }

    /// <summary>Versions no provider speaks yet: the provider must refuse them with -31001.</summary>
    public required VersionRange RefusedRange { get; init; }

    public required ProbeCall<InitializeResult> Handshake { get; init; }

    public required ProbeCall<InitializeResult> WideHandshake { get; init; }

    public required ProbeCall<InitializeResult> Refusal { get; init; }

    /// <summary>One entry per sample, in sample order.</summary>
    public required IReadOnlyList<SampleRuns> Runs { get; init; }

    /// <summary>The cancelled request; null when it was still unanswered after the next request was answered.</summary>
    public required ProbeCall<GenerateResult>? Cancelled { get; init; }

    /// <summary>The request sent right after the cancelled one.</summary>
    public required ProbeCall<GenerateResult> AfterCancel { get; init; }

    public required ProbeCall<object> Shutdown { get; init; }

    /// <summary>The main session's exit once stdin was closed after <c>shutdown</c>.</summary>
    public required ExitObservation ExitAfterShutdown { get; init; }

    /// <summary>The second session's exit once stdin was closed without <c>shutdown</c>.</summary>
    public required ExitObservation ExitWithoutShutdown { get; init; }

    /// <summary>Non-protocol output on stdout, per session that had some.</summary>
    public required IReadOnlyList<string> StdoutProblems { get; init; }

    /// <summary>Every request of every session, in the order sent.</summary>
    public required IReadOnlyList<ProbeCall> Calls { get; init; }
}
