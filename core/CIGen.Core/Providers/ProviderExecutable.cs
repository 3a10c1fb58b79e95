namespace CIGen.Core.Providers;

/// <summary>A provider program found on disk.</summary>
/// <param name="Name">
/// The canonical provider name (<c>github</c> for <c>github-actions</c>); for an executable given by path, its file name
/// without the <c>cigen-provider-</c> prefix. Used in log prefixes and error messages.
/// </param>
/// <param name="Path">Absolute path of the executable.</param>
public sealed record ProviderExecutable(string Name, string Path);
