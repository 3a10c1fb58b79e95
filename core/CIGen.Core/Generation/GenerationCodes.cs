namespace CIGen.Core.Generation;

/// <summary>
/// Stable codes of the problems found while running providers and writing their output (the config's own codes are
/// in <see cref="Config.DiagnosticCodes"/>, below 100). Never renumber; only add.
/// </summary>
public static class GenerationCodes
{
    /// <summary>No <c>cigen.yml</c> or <c>.cigen/</c> where cigen looked.</summary>
    public const string ConfigNotFound = "CIG100";

    /// <summary>Neither <c>--provider</c> nor the config's <c>provider</c>/<c>providers</c> names a provider.</summary>
    public const string NoProvider = "CIG101";

    public const string ProviderNotFound = "CIG110";

    /// <summary>The provider exited, or could not be started.</summary>
    public const string ProviderCrashed = "CIG111";

    public const string ProviderTimeout = "CIG112";

    /// <summary>Output on stdout that is not a JSON-RPC message, an unreadable answer, or a JSON-RPC error.</summary>
    public const string ProviderProtocolViolation = "CIG113";

    public const string ProtocolVersionMismatch = "CIG114";

    /// <summary><c>cigen providers check</c>: the provider broke at least one rule of the conformance kit.</summary>
    public const string ProviderNotConformant = "CIG115";

    /// <summary>A returned file path that is absolute, climbs out of the output root, or is not in the '/' form.</summary>
    public const string InvalidOutputPath = "CIG120";

    /// <summary>Two files for the same path, from one provider or from two.</summary>
    public const string DuplicateOutputPath = "CIG121";

    /// <summary>A returned file without content.</summary>
    public const string InvalidOutputFile = "CIG122";

    /// <summary>The output could not be written (permissions, disk full, a directory in the way).</summary>
    public const string WriteFailed = "CIG130";

    /// <summary><c>cigen hash --job</c> names no job of the config.</summary>
    public const string UnknownJob = "CIG140";

    /// <summary><c>--workflow</c> names no workflow of the config.</summary>
    public const string UnknownWorkflow = "CIG141";
}
