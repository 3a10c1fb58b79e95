using CIGen.Protocol;

namespace CIGen.Core.Config;

/// <summary>Where the config is: a split <c>.cigen/</c> directory or a single file, and the output root it implies.</summary>
/// <param name="Path">Absolute path of the <c>.cigen</c> directory or of the config file.</param>
/// <param name="Root">Absolute output root: the directory holding the config (parent of <c>.cigen</c>).</param>
public sealed record ConfigLocation(string Path, string Root, bool IsSplit);

/// <summary>Settings that steer generation rather than describe jobs.</summary>
/// <param name="Providers">Provider names as the user wrote them (<c>provider</c> / <c>providers</c>), in order.</param>
/// <param name="ProviderPaths">Absolute directories from <c>provider_path</c>, searched first for provider executables.</param>
public sealed record ConfigOptions(
    IReadOnlyList<string> Providers,
    string? OutputPath,
    string? OutputFilename,
    IReadOnlyList<string> ProviderPaths);

/// <summary>The outcome of loading: a graph only when there is no error; every problem found, in one run.</summary>
/// <remarks>Diagnostic and SourceLocation file paths are relative to <see cref="ConfigLocation.Root"/>, '/'-separated.</remarks>
public sealed record LoadResult(Graph? Graph, IReadOnlyList<Diagnostic> Diagnostics, ConfigOptions Options)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

public static class ConfigLocator
{
    /// <summary>The explicit path if given, else <c>cigen.yml</c> or <c>.cigen/</c> in <paramref name="currentDirectory"/>.</summary>
    public static ConfigLocation? Find(string currentDirectory, string? explicitPath) => throw new NotImplementedException();
}

public static class ConfigLoader
{
    public static LoadResult Load(ConfigLocation location) => throw new NotImplementedException();
}
