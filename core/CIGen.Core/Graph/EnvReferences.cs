using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// Recognises env values that are exactly a reference to a CI secret or variable (<c>${{ secrets.NAME }}</c>,
/// <c>${NAME}</c>, <c>${{ vars.NAME }}</c>, <c>${{ env.NAME }}</c>) and records them beside each env map, so providers
/// map the fact instead of each parsing the text. Values that merely contain a reference stay plain text.
/// </summary>
internal static partial class EnvReferences
{
    public static EnvReference? Parse(Scalar value)
    {
        if (value.Kind != ScalarKind.String)
        {
            return null;
        }

        if (Expression().Match(value.Text) is { Success: true } expression)
        {
            var kind = expression.Groups["context"].Value switch
            {
                "secrets" => EnvReferenceKind.Secret,
                "vars" => EnvReferenceKind.Variable,
                _ => EnvReferenceKind.Env,
            };
            return new EnvReference(kind, expression.Groups["name"].Value);
        }

        return Dollar().Match(value.Text) is { Success: true } dollar ? new EnvReference(EnvReferenceKind.Secret, dollar.Groups["name"].Value) : null;
    }

    public static OrderedDictionary<string, EnvReference> Of(OrderedDictionary<string, Scalar> env)
    {
        var references = new OrderedDictionary<string, EnvReference>(StringComparer.Ordinal);
        foreach (var (key, value) in env)
        {
            if (Parse(value) is { } reference)
            {
                references.Add(key, reference);
            }
        }

        return references;
    }

    /// <summary>Fills <c>EnvReferences</c> of every workflow, job and step (commands' steps included).</summary>
    public static Graph Annotate(Graph graph)
    {
        foreach (var workflow in graph.Workflows)
        {
            workflow.EnvReferences = Of(workflow.Env);
            foreach (var job in workflow.Jobs)
            {
                job.EnvReferences = Of(job.Env);
                AnnotateSteps(job.Steps);
            }
        }

        foreach (var command in graph.Commands)
        {
            AnnotateSteps(command.Steps);
        }

        return graph;
    }

    private static void AnnotateSteps(IReadOnlyList<Step> steps)
    {
        foreach (var step in steps)
        {
            step.EnvReferences = Of(step.Env);
        }
    }

    [GeneratedRegex(@"\A\$\{\{\s*(?<context>secrets|vars|env)\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    [GeneratedRegex(@"\A\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dollar();
}
