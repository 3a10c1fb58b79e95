using CIGen.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>Helpers that keep evidence to one readable, deterministic line.</summary>
internal static class Evidence
{
    /// <summary>How many problems a failing rule names before it only counts the rest.</summary>
    private const int ProblemsShown = 3;

    private const int MaxLength = 600;

    public static string Join(IReadOnlyList<string> problems) =>
        string.Join("; ", problems.Take(ProblemsShown)) + (problems.Count > ProblemsShown ? $"; and {problems.Count - ProblemsShown} more" : "");

    /// <summary>Newlines and control characters become spaces (one rule, one line); very long evidence is cut.</summary>
    public static string OneLine(string text)
    {
        var line = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return line.Length <= MaxLength ? line : line[..MaxLength] + "...";
    }

    /// <summary>A text quoted for evidence, shortened to what identifies it.</summary>
    public static string Quote(string? text, int max = 80)
    {
        var shown = OneLine(text ?? "");
        return $"\"{(shown.Length <= max ? shown : shown[..max] + "...")}\"";
    }

    /// <summary>A diagnostic the way cigen prints it, for evidence.</summary>
    public static string Show(Diagnostic diagnostic)
    {
        var at = diagnostic.File is null ? "" : $"{diagnostic.File}{(diagnostic.Line is { } l ? $":{l}" : "")}{(diagnostic.Column is { } c ? $":{c}" : "")}: ";
        return Quote($"{at}{diagnostic.Severity} {diagnostic.Code}: {diagnostic.Message}", 120);
    }

    /// <summary>
    /// The sample's first answer; null, with "not checked" added to <paramref name="problems"/>, when it is not a usable
    /// result. The reason is the generate-result rule's evidence, so it is only pointed at, not repeated.
    /// </summary>
    public static GenerateResult? FirstResult(SampleRuns runs, List<string> problems)
    {
        if (runs.First is { Status: CallStatus.Answered, Result: { } result })
        {
            return result;
        }

        problems.Add($"not checked for sample '{runs.Sample.Name}': no result to judge (see generate-result)");
        return null;
    }
}
