using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Sources;

/// <summary>Reading config files from disk: relative names for diagnostics, parsing, and listing in a stable order.</summary>
internal sealed class ConfigFiles(string root, DiagnosticBag diagnostics)
{
    public const string Extension = ".yml";

    /// <summary>The path as diagnostics and the graph show it: relative to the output root, '/'-separated.</summary>
    public string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Line 1, column 1 of a file: where problems with the file as a whole are reported.</summary>
    public SourceLocation StartOf(string path) => new(Relative(path), 1, 1);

    /// <summary>The file's YAML document, or null when it is empty or malformed (then a diagnostic says why).</summary>
    public ConfigNode? Parse(string path)
    {
        var relative = Relative(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.MalformedYaml, StartOf(path),
                $"cannot read the file: {e.Message}");
            diagnostics.MarkMalformed(relative);
            return null;
        }

        return YamlFileReader.Read(relative, text, diagnostics);
    }

    /// <summary>The file's top-level mapping; an empty file is an empty mapping, any other shape is reported.</summary>
    public MapNode ParseMapping(string path, string expected)
    {
        var node = Parse(path);
        switch (node)
        {
            case MapNode map:
                return map;
            case null:
                return MapNode.Empty(Relative(path));
            default:
                diagnostics.Error(DiagnosticCodes.WrongType, node, $"the file must hold {expected}, found {node.Describe()}");
                return MapNode.Empty(Relative(path));
        }
    }

    /// <summary>
    /// Entries of a directory in ordinal name order (never the file system's order). Hidden files and Markdown notes
    /// are skipped: they are commonly kept beside config and mean nothing to cigen.
    /// </summary>
    public static IReadOnlyList<string> List(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory)
            .Where(p => !Path.GetFileName(p).StartsWith('.') && !p.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    public static bool IsConfigFile(string path) => File.Exists(path) && path.EndsWith(Extension, StringComparison.Ordinal);

    public static string Stem(string path) => Path.GetFileNameWithoutExtension(path);
}
