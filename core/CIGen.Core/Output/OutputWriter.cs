using System.Text;
using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Output;

/// <summary>
/// Writes generated files under the output root, all or nothing: every target is checked first (<see
/// cref="TargetChecks"/>), every changed file is staged as a temporary file beside its target, and only then renamed
/// over it. A failure at any point puts back every file as it was; a process killed at any moment leaves each file
/// wholly old or wholly new (a rename is atomic). Unchanged files are not touched, so they keep their timestamps.
/// </summary>
public static class OutputWriter
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<Diagnostic> Errors)
    {
        /// <summary>Stale files removed (see <see cref="StaleFiles"/>), relative to the output root.</summary>
        public IReadOnlyList<string> Deleted { get; init; } = [];
    }

    /// <param name="stale">Files no longer generated; removed together with the writes.</param>
    /// <param name="force">Replace files at generated paths that cigen did not write (<c>--force</c>).</param>
    public static Result Write(string outputRoot, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string>? stale = null, bool force = false)
    {
        var root = TargetChecks.RealRoot(outputRoot);
        var changes = new List<FileChange>();
        var errors = new List<Diagnostic>();
        var unchanged = new List<string>();
        foreach (var file in files)
        {
            var fullPath = OutputPaths.Resolve(root, file.Path)
                ?? throw new InvalidOperationException($"'{file.Path}' was not validated before writing.");
            var bytes = Utf8.GetBytes(file.Content);
            if (TargetChecks.Obstacle(root, fullPath, force) is { } obstacle)
            {
                errors.Add(Failure($"cannot write '{file.Path}': {obstacle}."));
            }
            else if ((File.Exists(fullPath) ? File.ReadAllBytes(fullPath) : null) is var old && old is not null && old.AsSpan().SequenceEqual(bytes))
            {
                unchanged.Add(file.Path);
            }
            else
            {
                changes.Add(new FileChange(file.Path, fullPath, bytes, old));
            }
        }

        foreach (var path in stale ?? [])
        {
            var fullPath = OutputPaths.Resolve(root, path) ?? throw new InvalidOperationException($"'{path}' is outside the output root.");
            if (TargetChecks.Obstacle(root, fullPath, force: false) is { } obstacle)
            {
                errors.Add(Failure($"cannot delete stale '{path}': {obstacle}."));
            }
            else
            {
                changes.Add(new FileChange(path, fullPath, null, File.ReadAllBytes(fullPath)));
            }
        }

        if (errors.Count > 0)
        {
            return new Result([], [], errors);
        }

        using var transaction = new OutputTransaction(changes);
        if (transaction.Stage() is { } stageFailure)
        {
            return new Result([], [], [Failure(stageFailure)]);
        }

        if (transaction.Commit() is { } commitFailure)
        {
            return new Result([], [], [Failure(commitFailure)]);
        }

        return new Result(
            [.. changes.Where(change => change.Bytes is not null).Select(change => change.Path)],
            unchanged,
            []) { Deleted = [.. changes.Where(change => change.Bytes is null).Select(change => change.Path)] };
    }

    private static Diagnostic Failure(string message) => new(Severity.Error, GenerationCodes.WriteFailed, message);
}
