using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.GitHub.Rendering.Skipping;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Maps a graph job to a GitHub job, reporting every setting it does not render.</summary>
internal sealed class JobRenderer(Graph graph, DiagnosticBag diagnostics, string workflowId, WorkflowSkipping skipping, ConditionRenderer conditions, JobSetupActions setups)
{
    public const string DefaultRunner = "ubuntu-latest";

    public WorkflowJob Render(Job job)
    {
        WarnAboutLaterFeatures(job);
        RejectMatrixInJobCondition(job);
        EnvValues.RejectEnvContext(job.EnvReferences, $"job `{job.Id}`", diagnostics, job.Source, workflowId, job.Id);
        var approval = job.Type == "approval";
        var rendered = approval ? new RenderedSteps(ApprovalJob.Steps(job), null) : setups.Use(new StepRenderer(graph, diagnostics, workflowId, job.Id, conditions).Render(job));
        var steps = rendered.Steps;
        if (steps.Count == 0)
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidWorkflow,
                "job has no steps; GitHub needs at least one (add a step, or drop `checkout: false`)",
                job.Source, workflowId, job.Id);
        }

        if (job.Skipping is not null && skipping.Any)
        {
            steps = SkippableJob.Steps(job, rendered, skipping);
        }

        steps = RuntimeCheckout.Ensure(steps);
        var workflowEnv = graph.Workflows.FirstOrDefault(w => w.Id == workflowId)?.Env ?? [];
        (steps, var env) = MatrixEnv.Hoist(steps, EnvValues.Render(job.Env, job.EnvReferences), workflowEnv);
        var settings = FirstPartySettings.GitHub(job);

        return new WorkflowJob
        {
            Id = job.Id,
            Name = job.Name,
            Needs = Dependencies.Needs(job, skipping),
            If = Dependencies.Condition(job, skipping, conditions),
            Strategy = MatrixRenderer.Strategy(job, skipping),
            RunsOn = RunsOn(job),
            Permissions = GitHubSettingsRenderer.Permissions(settings?.Permissions),
            Environment = settings?.Environment?.Name ?? (approval ? job.Id : null),
            EnvironmentUrl = settings?.Environment?.Url,
            Concurrency = GitHubSettingsRenderer.Concurrency(settings?.Concurrency),
            Outputs = settings?.Outputs ?? [],
            ContinueOnError = settings?.ContinueOnError,
            Container = job.Image,
            Services = ServiceRenderer.Render(job.Services),
            TimeoutMinutes = job.TimeoutMinutes,
            Env = env,
            Steps = steps,
        };
    }

    /// <summary>
    /// Labels given directly, else the hosted runner of the job's arch (<c>ubuntu-latest</c> by default). A <c>resource_class</c> alone is a warning, not an error: it is
    /// CircleCI's way to size a machine, and one config may target both providers.
    /// </summary>
    private IReadOnlyList<string> RunsOn(Job job)
    {
        var runner = job.Runner;
        if (runner is { RunsOn.Count: > 0 })
        {
            return runner.RunsOn;
        }

        if (runner?.ResourceClass is { } resourceClass)
        {
            diagnostics.Warning(
                DiagnosticCodes.ResourceClassIgnored,
                $"resource_class '{resourceClass}' has no meaning on GitHub, which picks machines by labels; "
                + $"the job runs on {DefaultRunner} — set runs_on to choose another runner",
                job.Source, workflowId, job.Id);
        }

        return [MatrixRenderer.HostedRunsOn(job, DefaultRunner) ?? DefaultRunner];
    }

    /// <summary>
    /// The optional features this version does not render yet. Packages and caches are rendered through the steps the
    /// core injects for them (setup_package, key_values, restore_cache, save_cache); source files through
    /// <see cref="Job.Skipping"/>, which the core sets when they make the job skippable.
    /// </summary>
    /// <summary>GitHub decides a job's <c>if</c> once, before it expands the matrix, so <c>matrix</c> does not exist there.</summary>
    private void RejectMatrixInJobCondition(Job job)
    {
        if (ConditionNodes.All(job.Condition).Any(n => n is Condition.Matrix))
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidWorkflow,
                $"the condition `{job.If}` of the job tests a matrix value, but GitHub decides a job's `if` before it expands the "
                + "matrix; leave the legs out with `matrix.exclude`, or put the condition on the job's steps",
                job.Source, workflowId, job.Id);
        }
    }

    private void WarnAboutLaterFeatures(Job job)
    {
        var rendered = new[] { JobFeatures.RequiresAny, JobFeatures.Approval, JobFeatures.Services, JobFeatures.Packages, JobFeatures.Cache, JobFeatures.SourceFiles };
        foreach (var feature in JobFeatures.Used(job, graph).Where(f => !rendered.Contains(f.Key)))
        {
            diagnostics.NotSupportedYet(feature.Description, job.Source, workflowId, job.Id);
        }
    }
}
