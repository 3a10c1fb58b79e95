namespace CIGen.Core.Conformance;

/// <summary>How long the kit waits for a provider. Generous: the kit judges behaviour, not speed on a busy machine.</summary>
public sealed record ConformanceOptions
{
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The bound for every call, the first <c>initialize</c> included (<c>--provider-timeout</c>).</summary>
    public TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    /// <summary>How soon the provider must exit once its stdin is closed ("exits within a few seconds").</summary>
    public TimeSpan ExitGrace { get; init; } = TimeSpan.FromSeconds(5);
}
