using CIGen.Core.Config.Binding;
using CIGen.Core.Config.Sources;
using CIGen.Core.Graphs;
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

public static class ConfigLoader
{
    /// <summary>Reads, validates and resolves the config. Never throws for bad config: problems are diagnostics.</summary>
    public static LoadResult Load(ConfigLocation location)
    {
        var diagnostics = new DiagnosticBag();
        var configSource = Path.GetRelativePath(location.Root, location.Path).Replace('\\', '/');
        if (location.IsSplit ? !Directory.Exists(location.Path) : !File.Exists(location.Path))
        {
            diagnostics.Error(DiagnosticCodes.ConfigNotFound, new SourceLocation(configSource, 1, 1),
                $"the config {(location.IsSplit ? "directory" : "file")} does not exist; create it or point --config at an existing one");
            return new LoadResult(null, diagnostics.Sorted(), new ConfigOptions([], null, null, []));
        }

        var sources = location.IsSplit
            ? SplitConfigReader.Read(location.Path, location.Root, diagnostics)
            : InlineConfigReader.Read(location.Path, location.Root, diagnostics);
        var model = ConfigBinder.Bind(sources, diagnostics, location.Root);
        var graph = GraphBuilder.Build(model, configSource, location.Root, diagnostics);
        var options = new ConfigOptions(
            model.Providers,
            model.OutputPath,
            model.OutputFilename,
            [.. model.ProviderPaths.Select(p => Path.GetFullPath(p, location.Root))]);
        return new LoadResult(diagnostics.HasErrors ? null : graph, diagnostics.Sorted(), options);
    }
}
