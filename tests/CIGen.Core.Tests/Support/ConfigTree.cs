using System.Text.Json;
using CIGen.Core.Config;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Support;

/// <summary>A config written to a fresh temporary directory, deleted afterwards.</summary>
public sealed class ConfigTree : IDisposable
{
    public ConfigTree(params (string Path, string Content)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "cigen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    /// <summary>A split config: the keys are paths inside <c>.cigen/</c>.</summary>
    public static ConfigTree Split(params (string Path, string Content)[] files) =>
        new([.. files.Select(f => (".cigen/" + f.Path, f.Content))]);

    public static ConfigTree Inline(string content) => new(("cigen.yml", content));

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public LoadResult Load(string? explicitPath = null) =>
        ConfigLoader.Load(ConfigLocator.Find(Root, explicitPath) ?? throw new InvalidOperationException("no config found"));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public static class LoadResultExtensions
{
    /// <summary>The graph of a load that must have succeeded without any diagnostic.</summary>
    public static Graph Clean(this LoadResult result)
    {
        result.Diagnostics.Should().BeEmpty(because: "the config is valid, yet got: " + string.Join("\n", result.Diagnostics.Select(Format)));
        return result.Graph!;
    }

    /// <summary>The single diagnostic a load produced (and no graph, when it is an error).</summary>
    public static Diagnostic Single(this LoadResult result)
    {
        result.Diagnostics.Should().HaveCount(1, because: string.Join("\n", result.Diagnostics.Select(Format)));
        if (result.HasErrors)
        {
            result.Graph.Should().BeNull();
        }

        return result.Diagnostics[0];
    }

    public static string Format(Diagnostic d) => $"{d.File}:{d.Line}:{d.Column}: {d.Severity} {d.Code}: {d.Message}";

    public static string Json(this Graph graph) => JsonSerializer.Serialize(graph, ProtocolJsonContext.Default.Graph);
}
