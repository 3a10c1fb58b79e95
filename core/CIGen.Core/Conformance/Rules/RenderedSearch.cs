using CIGen.Protocol;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Where the "never silently dropped" rules look for a graph element: the text of every returned file (paths and
/// contents) and every diagnostic. A plain substring search, so any output format counts; the samples' ids and step
/// names are words their configs use nowhere else (but in <c>requires</c>), so a dropped job or step leaves a gap.
/// </summary>
internal sealed class RenderedSearch(GenerateResult result)
{
    private readonly IReadOnlyList<OutputFile> files = [.. ((IReadOnlyList<OutputFile>?)result.Files ?? []).OfType<OutputFile>()];

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [.. ((IReadOnlyList<Diagnostic>?)result.Diagnostics ?? []).OfType<Diagnostic>()];

    /// <summary>Whether a file's path or content contains <paramref name="text"/>.</summary>
    public bool Rendered(string text) =>
        files.Any(f => (f.Path ?? "").Contains(text, StringComparison.Ordinal) || (f.Content ?? "").Contains(text, StringComparison.Ordinal));

    /// <summary>Whether a diagnostic's message mentions <paramref name="text"/>.</summary>
    public bool Mentioned(string text) => Diagnostics.Any(d => (d.Message ?? "").Contains(text, StringComparison.Ordinal));

    /// <summary>Whether a diagnostic points at <paramref name="source"/> (same file and line).</summary>
    public bool PointsAt(SourceLocation source) => Diagnostics.Any(d => d.File == source.File && d.Line == source.Line);

    /// <summary>Runs <paramref name="missing"/> on each sample's graph and first answer; the problems of all samples.</summary>
    public static RuleVerdict Judge(Observations seen, Func<Graph, RenderedSearch, IEnumerable<string>> missing)
    {
        var problems = new List<string>();
        foreach (var runs in seen.Runs)
        {
            if (Evidence.FirstResult(runs, problems) is { } result)
            {
                problems.AddRange(missing(runs.Request.Graph, new RenderedSearch(result)).Select(p => $"sample '{runs.Sample.Name}': {p}"));
            }
        }

        return RuleVerdict.Of(problems);
    }
}
