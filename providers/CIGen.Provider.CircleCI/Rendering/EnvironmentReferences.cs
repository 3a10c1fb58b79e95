using CIGen.Provider.Sdk.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>A variable set from another one at run time: <c>KEY</c> gets the value of <c>Name</c>.</summary>
internal sealed record VariableExport(string Key, string Name);

/// <summary>An env map split for CircleCI: what goes into <c>environment:</c>, and what must be exported in bash.</summary>
internal sealed record SplitEnvironment(OrderedDictionary<string, Scalar> Literal, IReadOnlyList<VariableExport> Exports, IReadOnlyList<string> Referenced);

/// <summary>
/// Secret and variable references (<see cref="EnvReference"/>) on CircleCI. CircleCI's <c>environment:</c> maps are
/// literal — <c>KEY: $NAME</c> would give the job the text <c>$NAME</c> — while context and project variables are
/// already in every step's environment. So a reference with <c>KEY == NAME</c> is left out entirely, and one with another
/// key is left out of <c>environment:</c> and exported in bash from the variable at run time. The value of a secret is
/// never in the config: only its name. Any other <c>${{ }}</c> in an env value is an error.
/// </summary>
internal static partial class EnvironmentReferences
{
    public const string ExportStepName = "Export secret and variable references";

    /// <param name="report">Whether to report expressions (false for variables already reported elsewhere).</param>
    /// <param name="what">The owner of the variables, completed with " of " and the scope, e.g. <c>step 2</c>; null for the scope itself.</param>
    public static SplitEnvironment Split(
        OrderedDictionary<string, Scalar> env,
        Func<string, EnvReference?> referenceOf,
        Scope scope,
        SourceLocation? source,
        string? what,
        bool report = true)
    {
        var literal = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        var exports = new List<VariableExport>();
        var referenced = new List<string>();
        foreach (var (key, value) in env)
        {
            if (referenceOf(key) is { } reference)
            {
                referenced.Add(reference.Name);
                if (reference.Name == key)
                {
                    continue;
                }

                if (Identifier().IsMatch(key))
                {
                    exports.Add(new VariableExport(key, reference.Name));
                }
                else if (report)
                {
                    scope.Error(
                        DiagnosticCodes.EnvExpression,
                        $"variable `{key}`{Of(what)} of {scope.Description} references `{reference.Name}`, but the circleci provider can set "
                        + "it from another variable only under a shell-safe name; rename it to letters, digits and underscores",
                        source);
                }

                continue;
            }

            if (value.Kind == ScalarKind.String && value.Text.Contains("${{", StringComparison.Ordinal))
            {
                if (report)
                {
                    scope.Error(
                        DiagnosticCodes.EnvExpression,
                        $"variable `{key}`{Of(what)} of {scope.Description} has the value `{value.Text}`, which the circleci provider cannot "
                        + "express: CircleCI does not evaluate `${{ }}`; use a reference alone (`${{ secrets.NAME }}`, `${NAME}`, "
                        + "`${{ vars.NAME }}`, `${{ env.NAME }}`), or limit the value to GitHub",
                        source);
                }

                continue;
            }

            literal.Add(key, value);
        }

        return new SplitEnvironment(literal, exports, referenced);
    }

    /// <summary>
    /// A job's variables: the workflow's first (CircleCI has no workflow variables; they are reported once, with the
    /// workflow), and a job variable of the same name replaces the workflow's in place.
    /// </summary>
    public static SplitEnvironment ForJob(Workflow workflow, Job job, Scope scope)
    {
        var fromWorkflow = Split(workflow.Env, ReferenceIn(workflow.EnvReferences), scope, workflow.Source, null, report: false);
        var fromJob = Split(job.Env, ReferenceIn(job.EnvReferences), scope, job.Source, null);
        var literal = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        foreach (var (key, value) in fromWorkflow.Literal)
        {
            if (!job.Env.ContainsKey(key) || fromJob.Literal.ContainsKey(key))
            {
                literal.Add(key, value);
            }
        }

        foreach (var (key, value) in fromJob.Literal)
        {
            literal[key] = value;
        }

        var workflowReferenced = workflow.EnvReferences.Where(r => !job.Env.ContainsKey(r.Key)).Select(r => r.Value.Name);
        return new SplitEnvironment(
            literal,
            [.. fromWorkflow.Exports.Where(e => !job.Env.ContainsKey(e.Key)), .. fromJob.Exports],
            [.. workflowReferenced, .. fromJob.Referenced]);
    }

    public static Func<string, EnvReference?> ReferenceIn(OrderedDictionary<string, EnvReference> references) =>
        key => references.TryGetValue(key, out var reference) ? reference : null;

    /// <summary>
    /// The export step: appends to <c>$BASH_ENV</c>, which CircleCI sources at the start of every later step. The
    /// <c>$</c> is escaped, so <c>${NAME}</c> is expanded when sourced — the value never passes through the config or
    /// the step's output.
    /// </summary>
    public static string ExportScript(IReadOnlyList<VariableExport> exports)
    {
        var script = new StringBuilder();
        foreach (var export in exports)
        {
            script.Append("echo \"export ").Append(export.Key).Append("=\\\"\\${").Append(export.Name).Append("}\\\"\" >> \"$BASH_ENV\"\n");
        }

        return script.ToString();
    }

    /// <summary>Lines that start a step's own script, for references on the step.</summary>
    public static string ExportLines(IReadOnlyList<VariableExport> exports)
    {
        var lines = new StringBuilder();
        foreach (var export in exports)
        {
            lines.Append("export ").Append(export.Key).Append("=\"${").Append(export.Name).Append("}\"\n");
        }

        return lines.ToString();
    }

    /// <summary>
    /// Says once, for the whole config, which variables the jobs read from their environment when no
    /// <c>circleci: {context}</c> is configured: they must be defined as project variables or in a context.
    /// </summary>
    public static void RemindOfSource(Graph graph, DiagnosticBag diagnostics)
    {
        if (FirstPartySettings.CircleCi(graph)?.Context.Count > 0)
        {
            return;
        }

        var steps = graph.Workflows.SelectMany(w => w.Jobs).SelectMany(j => j.Steps).Concat(graph.Commands.SelectMany(c => c.Steps));
        var names = graph.Workflows.SelectMany(w => w.EnvReferences.Values)
            .Concat(graph.Workflows.SelectMany(w => w.Jobs).SelectMany(j => j.EnvReferences.Values))
            .Concat(steps.SelectMany(s => s.EnvReferences.Values))
            .Concat(graph.Workflows.SelectMany(w => w.Jobs).SelectMany(j => j.Skipping is { } s ? s.Backend.EnvReferences.Values : Enumerable.Empty<EnvReference>()))
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return;
        }

        diagnostics.Info(
            DiagnosticCodes.SecretSource,
            $"on CircleCI the jobs read {string.Join(", ", names.Select(n => $"`{n}`"))} from their environment: define them as "
            + "project environment variables, or in a context named in `circleci: {context: [...]}`",
            graph.ConfigSource);
    }

    private static string Of(string? what) => what is null ? "" : $" of {what}";

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
