using CIGen.Protocol;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every diagnostic is one cigen can print and the user can follow: a known severity (<c>error</c>, <c>warning</c>,
/// <c>info</c>; anything else counts as an error), a code and a message; a location that is consistent (a line only
/// with a file, a column only with a line, both from 1) and points into a file of the project, inside it; and a
/// <c>workflow</c> / <c>job</c> that name ones of the graph.
/// </summary>
internal sealed class DiagnosticsRule : ConformanceRule
{
    private static readonly string[] Severities = [Severity.Error, Severity.Warning, Severity.Info];

    public override string Name => "diagnostics-well-formed";

    public override RuleVerdict Judge(Observations seen)
    {
        var problems = new List<string>();
        foreach (var runs in seen.Runs)
        {
            if (Evidence.FirstResult(runs, problems) is not { Diagnostics: { } diagnostics })
            {
                continue;
            }

            foreach (var diagnostic in diagnostics.OfType<Diagnostic>())
            {
                if (Problem(diagnostic, runs) is { } problem)
                {
                    problems.Add($"sample '{runs.Sample.Name}': {Evidence.Show(diagnostic)} {problem}");
                }
            }
        }

        return RuleVerdict.Of(problems);
    }

    private static string? Problem(Diagnostic diagnostic, SampleRuns runs)
    {
        if (!Severities.Contains(diagnostic.Severity, StringComparer.Ordinal))
        {
            return $"has the severity {Evidence.Quote(diagnostic.Severity)}; use error, warning or info";
        }

        if (string.IsNullOrWhiteSpace(diagnostic.Code))
        {
            return "has no code";
        }

        if (string.IsNullOrWhiteSpace(diagnostic.Message))
        {
            return "has no message";
        }

        return LocationProblem(diagnostic, runs.Sample.Files, runs.Request.Graph.ConfigSource) ?? ScopeProblem(diagnostic, runs.Request.Graph);
    }

    /// <param name="configSource">The config as a whole (<c>.cigen</c> for a split config, a directory): a diagnostic
    /// about the config in general may point there, without a line.</param>
    private static string? LocationProblem(Diagnostic diagnostic, IReadOnlyDictionary<string, string[]> files, string configSource)
    {
        if (diagnostic.Line is not null && diagnostic.File is null)
        {
            return "has a line but no file";
        }

        if (diagnostic.Column is not null && diagnostic.Line is null)
        {
            return "has a column but no line";
        }

        if (diagnostic.File is not { } file)
        {
            return null;
        }

        if (file == configSource && !files.ContainsKey(file))
        {
            return diagnostic.Line is null ? null : $"points at a line of {file}, which is a directory";
        }

        if (!files.TryGetValue(file, out var lines))
        {
            return "names a file that is not in the project; copy 'file' from the 'source' of the graph element concerned";
        }

        if (diagnostic.Line is { } line && (line < 1 || line > lines.Length))
        {
            return $"points at line {line}, but {file} has lines 1 to {lines.Length}";
        }

        if (diagnostic.Line is { } at && diagnostic.Column is { } column && (column < 1 || column > lines[at - 1].TrimEnd('\r').Length + 1))
        {
            return $"points at column {column}, outside line {at} of {file}";
        }

        return null;
    }

    private static string? ScopeProblem(Diagnostic diagnostic, Graph graph)
    {
        var workflows = diagnostic.Workflow is { } id ? graph.Workflows.Where(w => w.Id == id).ToList() : graph.Workflows;
        if (workflows.Count == 0)
        {
            return "names a workflow the graph does not have";
        }

        return diagnostic.Job is { } job && !workflows.Any(w => w.Jobs.Any(j => Names(j, job)))
            ? "names a job the graph does not have (in that workflow)"
            : null;
    }

    /// <summary>
    /// A job is named by its id, or, for one leg of a matrix job, by <c>id_suffix</c>: the name the protocol gives a
    /// leg on platforms that run one job per leg (MatrixLeg.suffix), which is what their users see.
    /// </summary>
    private static bool Names(Job job, string name) =>
        job.Id == name || job.MatrixLegs.Any(leg => name == $"{job.Id}_{leg.Suffix}");
}
