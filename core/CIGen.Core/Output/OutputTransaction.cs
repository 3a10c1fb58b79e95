namespace CIGen.Core.Output;

/// <summary>
/// The two phases of <see cref="OutputWriter"/>: <see cref="Stage"/> writes every new content to a temporary file beside
/// its target (the only step that can run out of space or permission), <see cref="Commit"/> renames them over the
/// targets and deletes stale files. A failure in either puts every file back as it was; disposing removes whatever a
/// failed or finished run left: temporary files and directories it created that stayed empty.
/// </summary>
internal sealed class OutputTransaction(IReadOnlyList<FileChange> changes) : IDisposable
{
    /// <summary>Temporary files are <c>.cigen-RANDOM.tmp</c> beside their target: hidden, never a name a provider's output
    /// pattern matches, and short — a name built on the target's would pass the 255-byte limit before the target does.</summary>
    private const string TemporaryPrefix = ".cigen-";

    private const string TemporarySuffix = ".tmp";

    private readonly Dictionary<string, string> staged = new(StringComparer.Ordinal);
    private readonly List<string> createdDirectories = [];
    private readonly HashSet<string> cleaned = new(StringComparer.Ordinal);

    /// <returns>Null when every file is staged; else why not (nothing on disk has changed).</returns>
    public string? Stage()
    {
        foreach (var change in changes.Where(change => change.Bytes is not null))
        {
            try
            {
                CreateDirectories(Path.GetDirectoryName(change.FullPath)!);
                RemoveLeftovers(change.FullPath);
                staged[change.FullPath] = WriteTemporary(change.FullPath, change.Bytes!);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return $"cannot write '{change.Path}': {exception.Message}";
            }
        }

        return null;
    }

    /// <returns>Null when every change is made; else why not, and whether every file could be put back.</returns>
    public string? Commit()
    {
        var done = new List<FileChange>();
        foreach (var change in changes)
        {
            try
            {
                if (change.Bytes is null)
                {
                    File.Delete(change.FullPath);
                }
                else
                {
                    File.Move(staged[change.FullPath], change.FullPath, overwrite: true);
                }

                done.Add(change);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                var verb = change.Bytes is null ? "delete stale" : "write";
                return $"cannot {verb} '{change.Path}': {exception.Message}; {RollBack(done)}";
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var temporary in staged.Values.Where(File.Exists))
        {
            TryDelete(temporary);
        }

        foreach (var directory in Enumerable.Reverse(createdDirectories))
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    private static string RollBack(List<FileChange> done)
    {
        var kept = new List<string>();
        foreach (var change in Enumerable.Reverse(done))
        {
            try
            {
                if (change.OldBytes is null)
                {
                    File.Delete(change.FullPath);
                }
                else
                {
                    File.Move(WriteTemporary(change.FullPath, change.OldBytes), change.FullPath, overwrite: true);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                kept.Add($"'{change.Path}'");
            }
        }

        return kept.Count == 0
            ? "every file was put back as it was"
            : $"{string.Join(", ", kept)} could not be put back and hold{(kept.Count == 1 ? "s" : "")} the new content";
    }

    private void CreateDirectories(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        CreateDirectories(Path.GetDirectoryName(directory)!);
        Directory.CreateDirectory(directory);
        createdDirectories.Add(directory);
    }

    /// <summary>Temporary files a killed run left in the directory: cigen's own, so they go.</summary>
    private void RemoveLeftovers(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!cleaned.Add(directory))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateFiles(directory, $"{TemporaryPrefix}*{TemporarySuffix}"))
        {
            TryDelete(leftover);
        }
    }

    private static string WriteTemporary(string fullPath, byte[] bytes)
    {
        var random = Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $"{TemporaryPrefix}{random}{TemporarySuffix}");
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return temporary;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be removed is harmless (hidden, and removed by the next run).
        }
    }
}
