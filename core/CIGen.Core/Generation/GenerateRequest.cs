using CIGen.Core.Providers;

namespace CIGen.Core.Generation;

/// <summary>What <c>cigen generate</c> was asked to do.</summary>
public sealed record GenerateRequest
{
    /// <summary><c>--config</c>: a <c>cigen.yml</c> file or a <c>.cigen</c> directory; null to look in the current directory.</summary>
    public string? ConfigPath { get; init; }

    /// <summary><c>--provider</c>, in order; when empty the config's <c>provider</c>/<c>providers</c> apply.</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary><c>--output</c>; null for the directory holding the config.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary><c>--check</c>: compare with the files on disk and write nothing.</summary>
    public bool Check { get; init; }

    /// <summary><c>--force</c>: replace files at generated paths that cigen did not write (they are kept otherwise).</summary>
    public bool Force { get; init; }

    public ProviderHostOptions HostOptions { get; init; } = new();
}
