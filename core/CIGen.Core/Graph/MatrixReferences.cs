using System.Text.RegularExpressions;
using CIGen.Core.Config;
using CIGen.Core.Config.Model;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Core.Graphs;

/// <summary>
/// Checks that every <c>${{ matrix.X }}</c> in a job's name, image and env, and in its steps' (and the steps of the
/// commands it uses) name, script, working directory, env and inputs — and every <c>matrix.X</c> in the job's and
/// those steps' conditions — names a value of the job's matrix: a dimension, a value an <c>include</c> entry adds, or
/// <c>arch</c> when the job has architectures. Providers replace these references per leg and can rely on every name
/// being known (GitHub would read an unknown one as null, and actionlint rejects it).
/// </summary>
internal static partial class MatrixReferences
{
    public static void Check(JobModel job, IReadOnlyList<string> architectures, IReadOnlyDictionary<string, CommandModel> commands, DiagnosticBag diagnostics, Scope scope)
    {
        var known = new SortedSet<string>(StringComparer.Ordinal);
        if (architectures.Count > 0)
        {
            known.Add(MatrixLegs.Arch);
        }

        known.UnionWith(job.Matrix.Dimensions.Select(d => d.Name));
        known.UnionWith(job.Matrix.Include.SelectMany(e => e.Values.Keys));
        var owner = $"job `{job.Id}`";
        foreach (var text in new[] { job.Name, job.Image }.Concat(job.Env.Values.Select(v => v.Text)))
        {
            Report(text, known, owner, job.Source, diagnostics, scope);
        }

        foreach (var name in MatrixNames(job.Condition))
        {
            Report($"${{{{ matrix.{name} }}}}", known, owner, job.Source, diagnostics, scope);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in job.Steps)
        {
            CheckStep(step, step.Source, "", known, owner, commands, used, diagnostics, scope);
        }
    }

    /// <param name="at">Where the job's own step is: a command's steps are shared, so their references are reported where the job uses the command.</param>
    private static void CheckStep(
        Step step, SourceLocation at, string via, SortedSet<string> known, string owner,
        IReadOnlyDictionary<string, CommandModel> commands, HashSet<string> used, DiagnosticBag diagnostics, Scope scope)
    {
        foreach (var text in Texts(step))
        {
            Report(text, known, owner + via, at, diagnostics, scope);
        }

        foreach (var name in MatrixNames(step.Condition))
        {
            Report($"${{{{ matrix.{name} }}}}", known, $"{owner}{via}'s condition", at, diagnostics, scope);
        }

        if (step is CommandStep use && commands.TryGetValue(use.Command, out var command) && used.Add(command.Command.Name))
        {
            foreach (var inner in command.Command.Steps)
            {
                CheckStep(inner, at, $"{via} (in command `{command.Command.Name}`)", known, owner, commands, used, diagnostics, scope);
            }
        }
    }

    /// <summary>The matrix values a parsed condition reads.</summary>
    private static IEnumerable<string> MatrixNames(Condition? condition) =>
        ConditionNodes.All(condition).OfType<Condition.Matrix>().Select(m => m.Name);

    private static IEnumerable<string?> Texts(Step step) => StepTexts.Of(step).Prepend(step.Name);

    private static void Report(string? text, SortedSet<string> known, string owner, SourceLocation at, DiagnosticBag diagnostics, Scope scope)
    {
        foreach (Match match in Reference().Matches(text ?? ""))
        {
            var name = match.Groups["name"].Value;
            if (known.Contains(name))
            {
                continue;
            }

            var advice = known.Count == 0
                ? $"the job has no matrix; add `matrix:` (or `architectures:` for `arch`), or remove the reference"
                : Suggestions.Closest(name, known) is { } close
                    ? $"did you mean `{close}`? The matrix's values are: {string.Join(", ", known)}"
                    : $"the matrix's values are: {string.Join(", ", known)}";
            diagnostics.Error(DiagnosticCodes.UnknownMatrixValue, at, $"`{match.Value}` in {owner} names no value of its matrix; {advice}", scope);
        }
    }

    [GeneratedRegex(@"\$\{\{\s*matrix\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
