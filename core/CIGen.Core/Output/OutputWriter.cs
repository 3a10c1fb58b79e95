using System.Text;
using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Output;

/// <summary>
/// Writes generated files under the output root: only files whose bytes changed, each through a temporary file in
/// the same directory renamed over the target, so a reader never sees half a file and an unchanged file keeps its
/// timestamp. Everything is checked before the first byte is written.
/// </summary>
public static class OutputWriter
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<Diagnostic> Errors)
    {
        /// <summary>Stale files removed (see <see cref="StaleFiles"/>), relative to the output root.</summary>
        public IReadOnlyList<string> Deleted { get; init; } = [];
    }

    /// <param name="stale">Files no longer generated; removed once every write succeeded.</param>
    public static Result Write(string outputRoot, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string>? stale = null)
    {
        var planned = new List<(GeneratedFile File, string FullPath, byte[] Bytes)>();
        var errors = new List<Diagnostic>();
        var unchanged = new List<string>();
        foreach (var file in files)
        {
            var fullPath = OutputPaths.Resolve(outputRoot, file.Path)
                ?? throw new InvalidOperationException($"'{file.Path}' was not validated before writing.");
            var bytes = Utf8.GetBytes(file.Content);
            if (Obstacle(outputRoot, fullPath) is { } obstacle)
            {
                errors.Add(new Diagnostic(Severity.Error, GenerationCodes.WriteFailed, $"cannot write '{file.Path}': {obstacle}."));
            }
            else if (File.Exists(fullPath) && File.ReadAllBytes(fullPath).AsSpan().SequenceEqual(bytes))
            {
                unchanged.Add(file.Path);
            }
            else
            {
                planned.Add((file, fullPath, bytes));
            }
        }

        if (errors.Count > 0)
        {
            return new Result([], [], errors);
        }

        var written = new List<string>();
        foreach (var (file, fullPath, bytes) in planned)
        {
            try
            {
                WriteAtomically(fullPath, bytes);
                written.Add(file.Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add(new Diagnostic(Severity.Error, GenerationCodes.WriteFailed, $"cannot write '{file.Path}': {exception.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return new Result(written, unchanged, errors);
        }

        var deleted = new List<string>();
        foreach (var path in stale ?? [])
        {
            try
            {
                File.Delete(OutputPaths.Resolve(outputRoot, path) ?? throw new InvalidOperationException($"'{path}' is outside the output root."));
                deleted.Add(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add(new Diagnostic(Severity.Error, GenerationCodes.WriteFailed, $"cannot delete stale '{path}': {exception.Message}"));
            }
        }

        return new Result(written, unchanged, errors) { Deleted = deleted };
    }

    /// <summary>Something on disk that would make the write fail: a directory where the file goes, or a file where a
    /// directory must be.</summary>
    private static string? Obstacle(string outputRoot, string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            return "a directory is in the way";
        }

        var root = Path.GetFullPath(outputRoot);
        for (var directory = Path.GetDirectoryName(fullPath); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(directory))
            {
                return $"'{Path.GetRelativePath(root, directory).Replace('\\', '/')}' is a file, not a directory";
            }
        }

        return null;
    }

    private static void WriteAtomically(string fullPath, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Path.GetRandomFileName()}.cigen-tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
