using Microsoft.Extensions.FileSystemGlobbing;

namespace CIGen.Core.Output;

/// <summary>
/// Files an earlier run generated that no provider generates any more — a workflow removed from the config must not
/// keep running from its old file. Only files that carry cigen's header for the same config are ever candidates, so
/// hand-written files and files generated from another config are never touched.
/// </summary>
public static class StaleFiles
{
    /// <param name="ownedPatterns">Globs the providers of this run declared as theirs in <c>initialize</c>
    /// (relative, '/'-separated, <c>*</c> within a segment, <c>**</c> across segments).</param>
    /// <param name="files">What this run generates; their directories are searched too, so output_path is covered.</param>
    /// <returns>Relative '/'-separated paths, in ordinal order.</returns>
    public static IReadOnlyList<string> Find(
        string outputRoot,
        IEnumerable<string> ownedPatterns,
        IReadOnlyList<GeneratedFile> files,
        string configSource)
    {
        var root = Path.GetFullPath(outputRoot);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        var patterns = ownedPatterns.Where(p => OutputPaths.Problem(p) is null).ToList();
        patterns.AddRange(files
            .Select(f => Path.GetDirectoryName(f.Path)?.Replace('\\', '/') ?? "")
            .Where(directory => directory.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(directory => new[] { directory + "/*.yml", directory + "/*.yaml" }));
        if (patterns.Count == 0)
        {
            return [];
        }

        matcher.AddIncludePatterns(patterns);
        var generated = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var firstLine = GeneratedContent.Header(configSource).Split('\n')[0];
        return matcher.GetResultsInFullPath(root)
            .Select(full => Path.GetRelativePath(root, full).Replace('\\', '/'))
            .Where(path => !generated.Contains(path) && OutputPaths.Resolve(root, path) is not null)
            .Where(path => StartsWithLine(Path.Combine(root, path), firstLine))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool StartsWithLine(string fullPath, string line)
    {
        using var reader = new StreamReader(fullPath, OutputWriter.Utf8);
        return reader.ReadLine() == line;
    }
}
