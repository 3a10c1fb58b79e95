namespace CIGen.Core.Output;

/// <summary><c>--check</c>: compares what would be written with what is on disk, and writes nothing.</summary>
public static class DriftCheck
{
    /// <param name="Path">Relative to the output root, '/'-separated.</param>
    /// <param name="Diff">A unified diff from the file on disk (or /dev/null) to the generated text.</param>
    public sealed record FileDrift(string Path, bool Missing, string Diff)
    {
        /// <summary>The file is no longer generated and <c>cigen generate</c> would delete it.</summary>
        public bool Stale { get; init; }
    }

    /// <param name="stale">Files no longer generated (see <see cref="StaleFiles"/>): each is drift, shown as deleted.</param>
    public static IReadOnlyList<FileDrift> Check(string outputRoot, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string>? stale = null)
    {
        var drift = new List<FileDrift>();
        foreach (var file in files)
        {
            var fullPath = OutputPaths.Resolve(outputRoot, file.Path)
                ?? throw new InvalidOperationException($"'{file.Path}' was not validated before checking.");
            if (!File.Exists(fullPath))
            {
                drift.Add(new FileDrift(file.Path, Missing: true, UnifiedDiff.Create("/dev/null", "b/" + file.Path, null, file.Content)));
                continue;
            }

            var onDisk = File.ReadAllBytes(fullPath);
            if (!onDisk.AsSpan().SequenceEqual(OutputWriter.Utf8.GetBytes(file.Content)))
            {
                var current = OutputWriter.Utf8.GetString(onDisk);
                drift.Add(new FileDrift(file.Path, Missing: false, UnifiedDiff.Create("a/" + file.Path, "b/" + file.Path, current, file.Content)));
            }
        }

        foreach (var path in stale ?? [])
        {
            var current = File.ReadAllText(OutputPaths.Resolve(outputRoot, path)!, OutputWriter.Utf8);
            drift.Add(new FileDrift(path, Missing: false, UnifiedDiff.Create("a/" + path, "/dev/null", current, "")) { Stale = true });
        }

        return drift;
    }
}
