using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Renders a graph into one workflow file per workflow, plus diagnostics for what it could not render.</summary>
internal static class WorkflowRenderer
{
    public const string DefaultDirectory = ".github/workflows";

    public static GenerateResult Render(GenerateParams request)
    {
        var graph = request.Graph;
        var diagnostics = new DiagnosticBag(GitHubProvider.Name);
        if (graph.Settings.Github?.SkipStrategy is not null)
        {
            diagnostics.NotSupportedYet("github.skip_strategy", graph.ConfigSource);
        }

        if (request.Options.OutputFilename is { } fileName && graph.Workflows.Count > 1)
        {
            diagnostics.Error(
                DiagnosticCodes.OutputFilenameNeedsOneWorkflow,
                $"output_filename '{fileName}' names one file, but there are {graph.Workflows.Count} workflows "
                + $"({string.Join(", ", graph.Workflows.Select(w => w.Id))}); GitHub needs one file per workflow — drop output_filename",
                graph.Workflows[1].Source);
            return new GenerateResult([], diagnostics.All);
        }

        var files = graph.Workflows
            .Select(workflow => new OutputFile(
                OutputPaths.For(request.Options, DefaultDirectory, $"{workflow.Id}.yml"),
                YamlWriter.Write(Document(graph, workflow, diagnostics).ToYaml())))
            .ToList();
        return new GenerateResult(files, diagnostics.All);
    }

    public static WorkflowDocument Document(Graph graph, Workflow workflow, DiagnosticBag diagnostics)
    {
        var jobs = new JobRenderer(graph, diagnostics, workflow.Id);
        EnvValues.RejectEnvContext(workflow.EnvReferences, $"workflow `{workflow.Id}`", diagnostics, workflow.Source, workflow.Id, null);
        return new WorkflowDocument
        {
            Name = workflow.Name ?? workflow.Id,
            On = TriggerRenderer.Render(workflow.Triggers),
            Permissions = GitHubSettingsRenderer.Permissions(workflow.Permissions),
            Concurrency = GitHubSettingsRenderer.Concurrency(workflow.Concurrency),
            Env = EnvValues.Render(workflow.Env, workflow.EnvReferences),
            Jobs = workflow.Jobs.Select(jobs.Render).ToList(),
        };
    }
}
