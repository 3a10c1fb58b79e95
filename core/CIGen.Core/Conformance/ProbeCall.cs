namespace CIGen.Core.Conformance;

/// <summary>How one request the kit sent ended.</summary>
internal enum CallStatus
{
    /// <summary>Answered with a result.</summary>
    Answered,

    /// <summary>Answered with a JSON-RPC error.</summary>
    Error,

    /// <summary>Not answered within the call timeout; the provider was stopped.</summary>
    TimedOut,

    /// <summary>The connection broke: the provider exited, wrote non-protocol output, or sent an unreadable answer.</summary>
    Broken,

    /// <summary>Never sent, because the provider had already stopped or failed earlier.</summary>
    NotSent,
}

/// <summary>One request and its outcome, kept for the rules to judge.</summary>
/// <param name="Label">What was asked, for evidence: <c>'generate' for sample 'delivery'</c>.</param>
/// <param name="Detail">The error message, or what went wrong.</param>
internal record ProbeCall(string Label, CallStatus Status, int? ErrorCode, string? Detail)
{
    /// <summary>How the call ended, as the end of a sentence that starts with its label.</summary>
    public string Outcome => Status switch
    {
        CallStatus.Answered => "was answered",
        CallStatus.Error => $"was answered with error {ErrorCode}: {Detail}",
        CallStatus.TimedOut => $"was not answered within {Detail}",
        CallStatus.Broken => $"failed: {Detail}",
        _ => $"was not sent: {Detail}",
    };

    /// <summary>Label and outcome, e.g. <c>'shutdown' was not answered within 30 s</c>.</summary>
    public string Describe() => $"{Label} {Outcome}";
}

/// <summary>A call and, when it was answered, its result (null when the provider answered <c>null</c>).</summary>
internal sealed record ProbeCall<T>(string Label, CallStatus Status, T? Result, int? ErrorCode, string? Detail)
    : ProbeCall(Label, Status, ErrorCode, Detail)
    where T : class
{
    public static ProbeCall<T> Answered(string label, T? result) => new(label, CallStatus.Answered, result, null, null);

    public static ProbeCall<T> Failed(string label, CallStatus status, string detail, int? errorCode = null) =>
        new(label, status, null, errorCode, detail);
}

/// <summary>What happened after the kit closed the provider's stdin.</summary>
/// <param name="NotChecked">Why the exit could not be observed (the provider never started, or was already stopped).</param>
internal sealed record ExitObservation(bool Exited, int? ExitCode, string? NotChecked);
