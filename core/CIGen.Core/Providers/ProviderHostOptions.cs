namespace CIGen.Core.Providers;

/// <summary>How long the host waits for a provider. Defaults suit real use; tests shorten them.</summary>
public sealed record ProviderHostOptions
{
    /// <summary>From starting the process to the answer to <c>initialize</c>.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>For each later call (<c>generate</c>).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an orderly shutdown may take before the process tree is killed.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest message a provider may send, in bytes: a bound on what one answer can make the host hold. 64 MiB is
    /// far above any real CI configuration (a large one is well under 1 MiB).
    /// </summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The options with one call timeout for everything, as <c>--provider-timeout</c> sets it.</summary>
    public ProviderHostOptions WithCallTimeout(TimeSpan timeout) =>
        this with { CallTimeout = timeout, HandshakeTimeout = timeout < HandshakeTimeout ? timeout : HandshakeTimeout };
}
