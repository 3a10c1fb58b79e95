using CIGen.Protocol;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// The same graph gives byte-identical files, and the same diagnostics in the same order: twice in one process
/// (no state kept between requests) and once more in a second process (no hash-seed order, time, randomness or
/// environment in the output). Files may come in any order; they are compared by path.
/// </summary>
internal sealed class DeterminismRule : ConformanceRule
{
    public override string Name => "deterministic";

    public override RuleVerdict Judge(Observations seen)
    {
        var problems = new List<string>();
        foreach (var runs in seen.Runs)
        {
            if (Evidence.FirstResult(runs, problems) is not { } first)
            {
                continue;
            }

            Compare(runs.Sample.Name, first, runs.Repeat, "run twice in one process", problems);
            Compare(runs.Sample.Name, first, runs.OtherProcess, "run in two processes", problems);
        }

        return RuleVerdict.Of(problems);
    }

    private static void Compare(string sample, GenerateResult first, ProbeCall<GenerateResult> other, string how, List<string> problems)
    {
        if (other is not { Status: CallStatus.Answered, Result: { } second })
        {
            problems.Add($"not checked for sample '{sample}' ({how}): no second result to compare (see generate-result)");
            return;
        }

        if (Difference(first, second) is { } difference)
        {
            problems.Add($"sample '{sample}', {how}: {difference}");
        }
    }

    /// <summary>The first difference between two answers, or null when they are the same.</summary>
    private static string? Difference(GenerateResult a, GenerateResult b)
    {
        var filesA = ByPath(a);
        var filesB = ByPath(b);
        if (filesA.Keys.Except(filesB.Keys, StringComparer.Ordinal).FirstOrDefault() is { } onlyA)
        {
            return $"'{onlyA}' came only the first time";
        }

        if (filesB.Keys.Except(filesA.Keys, StringComparer.Ordinal).FirstOrDefault() is { } onlyB)
        {
            return $"'{onlyB}' came only the second time";
        }

        foreach (var (path, content) in filesA)
        {
            if (!string.Equals(content, filesB[path], StringComparison.Ordinal))
            {
                return $"'{path}' differs: {FirstDifferentLine(content, filesB[path])}";
            }
        }

        var diagnosticsA = (IReadOnlyList<Diagnostic>?)a.Diagnostics ?? [];
        var diagnosticsB = (IReadOnlyList<Diagnostic>?)b.Diagnostics ?? [];
        for (var i = 0; i < Math.Max(diagnosticsA.Count, diagnosticsB.Count); i++)
        {
            var x = i < diagnosticsA.Count ? diagnosticsA[i] : null;
            var y = i < diagnosticsB.Count ? diagnosticsB[i] : null;
            if (x != y)
            {
                return $"diagnostic {i + 1} differs: {(x is null ? "none" : Evidence.Show(x))} the first time, {(y is null ? "none" : Evidence.Show(y))} the second";
            }
        }

        return null;
    }

    private static SortedDictionary<string, string?> ByPath(GenerateResult result)
    {
        var files = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in ((IReadOnlyList<OutputFile>?)result.Files ?? []).OfType<OutputFile>())
        {
            files.TryAdd(file.Path ?? "", file.Content);
        }

        return files;
    }

    private static string FirstDifferentLine(string? a, string? b)
    {
        var linesA = (a ?? "").Split('\n');
        var linesB = (b ?? "").Split('\n');
        var i = 0;
        while (i < linesA.Length && i < linesB.Length && linesA[i] == linesB[i])
        {
            i++;
        }

        string Line(string[] lines) => i < lines.Length ? Evidence.Quote(lines[i]) : "end of file";
        return $"line {i + 1} is {Line(linesA)} the first time, {Line(linesB)} the second";
    }
}
