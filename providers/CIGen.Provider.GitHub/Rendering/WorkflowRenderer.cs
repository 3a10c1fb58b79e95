using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.GitHub.Rendering.Skipping;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Renders a graph into one workflow file per workflow, plus diagnostics for what it could not render, and the runtime
/// action's files (<see cref="RuntimeAction"/>) when a job calls it.
/// </summary>
internal static class WorkflowRenderer
{
    public const string DefaultDirectory = ".github/workflows";

    public static GenerateResult Render(GenerateParams request)
    {
        var graph = request.Graph;
        var diagnostics = new DiagnosticBag(GitHubProvider.Name);
        if (request.Options.OutputFilename is { } fileName && graph.Workflows.Count > 1)
        {
            diagnostics.Error(
                DiagnosticCodes.OutputFilenameNeedsOneWorkflow,
                $"output_filename '{fileName}' names one file, but there are {graph.Workflows.Count} workflows "
                + $"({string.Join(", ", graph.Workflows.Select(w => w.Id))}); GitHub needs one file per workflow — drop output_filename",
                graph.Workflows[1].Source);
            return new GenerateResult([], diagnostics.All);
        }

        var setups = new JobSetupActions();
        var documents = graph.Workflows.Select(workflow => (workflow, Document: Document(graph, workflow, diagnostics, setups))).ToList();
        var files = documents
            .Select(d => new OutputFile(OutputPaths.For(request.Options, DefaultDirectory, $"{d.workflow.Id}.yml"), YamlWriter.Write(d.Document.ToYaml())))
            .ToList();
        files.AddRange(setups.Files);
        if (documents.Any(d => d.Document.Jobs.SelectMany(j => j.Steps).Any(s => RuntimeAction.IsUse(s))) || setups.UseRuntime)
        {
            // Native markers are GitHub's cache, which the runtime reads (and writes the file of) itself on GitHub alone.
            var native = graph.Workflows.SelectMany(w => w.Jobs).Any(j => j.Skipping is { } skip && SkipSteps.IsNative(skip.Backend));
            // The other parts are what the calls' records need, read from the records themselves.
            var parts = (RuntimePartsOf.Graph(graph) & RuntimeParts.Backends) | (native ? RuntimeParts.GitHubCache : RuntimeParts.None)
                | RuntimeAction.PartsOf(documents.SelectMany(d => d.Document.Jobs.SelectMany(j => j.Steps))) | setups.RuntimeParts;
            files.AddRange(RuntimeAction.Files(graph.ConfigSource, parts));
        }

        return new GenerateResult(files, diagnostics.All);
    }

    /// <param name="setups">Where jobs' package and cache setups go; by default a registry of this workflow's own.</param>
    public static WorkflowDocument Document(Graph graph, Workflow workflow, DiagnosticBag diagnostics, JobSetupActions? setups = null)
    {
        var skipping = WorkflowSkipping.For(graph, workflow, diagnostics);
        var renderer = new JobRenderer(graph, diagnostics, workflow.Id, skipping, ConditionRenderer.For(workflow), setups ?? new JobSetupActions());
        EnvValues.RejectEnvContext(workflow.EnvReferences, $"workflow `{workflow.Id}`", diagnostics, workflow.Source, workflow.Id, null);
        var jobs = workflow.Jobs.Select(renderer.Render).ToList();
        if (skipping.Plans)
        {
            jobs.Insert(0, PlanJob.Render(skipping));
        }

        if (skipping.Any)
        {
            jobs.Add(GateJob.Render(workflow, jobs.Select(j => j.Id)));
        }

        return new WorkflowDocument
        {
            Name = workflow.Name ?? workflow.Id,
            On = TriggerRenderer.Render(workflow.Triggers, [.. skipping.MovedPathFilters.Select(f => f.Event)]),
            Permissions = GitHubSettingsRenderer.Permissions(workflow.Permissions),
            Concurrency = GitHubSettingsRenderer.Concurrency(workflow.Concurrency),
            Env = EnvValues.Render(workflow.Env, workflow.EnvReferences),
            Jobs = jobs,
        };
    }
}
