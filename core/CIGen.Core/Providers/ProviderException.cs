namespace CIGen.Core.Providers;

/// <summary>
/// A provider could not be found, started or talked to, or broke the protocol. The message is complete and meant for
/// the user: it names the provider and says what happened (with its exit code and last stderr lines on a crash).
/// </summary>
public sealed class ProviderException(string code, string message) : Exception(message)
{
    /// <summary>One of <see cref="Generation.GenerationCodes"/>.</summary>
    public string Code { get; } = code;
}
