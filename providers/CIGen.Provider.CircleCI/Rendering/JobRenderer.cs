using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CheckoutStep = CIGen.Provider.CircleCI.Model.CheckoutStep;
using RunStep = CIGen.Provider.CircleCI.Model.RunStep;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Maps a graph job to a CircleCI job definition, reporting every setting it cannot render. The definition's name is
/// decided later, across all workflows (<see cref="JobNames"/>).
/// </summary>
/// <param name="skipCommands">The commands that skip unchanged jobs; null for the pipeline a setup job continues
/// (<c>circleci: {dynamic: true}</c>), which looked the markers up already and only hashes.</param>
internal sealed class JobRenderer(Graph graph, CommandSet commands, ExpandedGraph expanded, SkipCommands? skipCommands)
{
    /// <summary>The skip commands, with the definitions the jobs rendered so far use.</summary>
    public SkipCommands? SkipCommands => skipCommands;

    /// <returns>The definition, or null for an approval job, which exists only in its workflow.</returns>
    public JobDefinition? Render(Workflow workflow, Job job, Scope scope)
    {
        foreach (var feature in JobFeatures.Used(job, graph).Where(f => f.Key is not (JobFeatures.Approval or JobFeatures.Services or JobFeatures.RequiresAny or JobFeatures.Packages or JobFeatures.Cache or JobFeatures.SourceFiles)))
        {
            scope.NotSupportedYet(feature.Description, job.Source);
        }

        JobConditions.Check(job, scope);
        // Display names stay unrendered without a word: CircleCI shows ids, and a note on every named job of every
        // dual-provider config would drown the diagnostics that matter (docs/config.md, CircleCI notes).
        if (job.Type == "approval")
        {
            return null;
        }

        if (job.TimeoutMinutes is { } minutes)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"timeout {minutes} of {scope.Description} has no CircleCI equivalent: CircleCI limits a job's total time by plan and "
                + "stops a step after 10 minutes without output (`no_output_timeout`); the timeout is ignored",
                job.Source);
        }

        if (job.Runner is { RunsOn.Count: > 0 } runner)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"runs_on [{string.Join(", ", runner.RunsOn)}] of {scope.Description} names GitHub runner labels, which CircleCI does not "
                + "use; the job runs in a docker container on CircleCI's default resource class — set resource_class to size it",
                job.Source);
        }

        scope.WarnAboutGitHubExpression(job.Image, "the image", job.Source);
        var environment = EnvironmentReferences.ForJob(workflow, job, scope);
        var services = new ServiceRenderer(scope);
        var (rendered, throughCheckout) = new StepRenderer(commands, scope, expanded.MatrixOf(workflow.Id, job.Id), ScriptEnvReferences.DefinedFor(workflow, job), JobImages.Choose(job.Image, job.Packages).InstallsNode)
            .Render(job.Steps, job.CheckoutIndex);
        var steps = AfterCheckout(rendered, throughCheckout, ServiceWait(services.Ports(job.Services)));
        SkipExecutor.WarnWhenUnsupported(job, scope);
        if (SkipTarget.Of(workflow, job) is { } skip)
        {
            steps = [.. WithSkipSteps(steps, throughCheckout, SkipSteps.Start(skip, scope, skipCommands)), .. SkipSteps.Record(skip, scope, skipCommands)];
        }
        if (environment.Exports.Count > 0)
        {
            steps = [new RunStep { Name = EnvironmentReferences.ExportStepName, Command = EnvironmentReferences.ExportScript(environment.Exports) }, .. steps];
        }

        if (!job.Steps.Any(s => !commands.IsLeftOut(s)))
        {
            scope.Error(
                DiagnosticCodes.JobWithoutSteps,
                $"{scope.Description} has no steps for CircleCI (`only:` left none), and CircleCI needs at least one; add a step "
                + "for CircleCI, or move the job to a workflow of its own provider",
                job.Source);
        }

        return new JobDefinition
        {
            Name = job.Id,
            Image = JobImages.For(job, scope),
            Services = services.Images(job.Services),
            ResourceClass = job.Runner?.ResourceClass,
            Environment = environment.Literal,
            Steps = steps,
        };
    }

    private static IReadOnlyList<ConfigStep> ServiceWait(IReadOnlyList<AwaitedPort> ports) =>
        ports.Count == 0 ? [] : [new RunStep { Name = Rendering.ServiceWait.StepName, Command = Rendering.ServiceWait.Script(ports) }];

    /// <summary>
    /// Inserts right after the job's checkout (the core's <see cref="Job.CheckoutIndex"/>, a whole command when it is
    /// one; first when there is none): the service wait, so the user's steps find the services up, then the skip steps
    /// before it, which need the sources and end an unchanged job before any wait.
    /// </summary>
    /// <param name="throughCheckout">How many of <paramref name="steps"/> the steps through the checkout became.</param>
    private static IReadOnlyList<ConfigStep> AfterCheckout(IReadOnlyList<ConfigStep> steps, int? throughCheckout, IReadOnlyList<ConfigStep> inserted)
    {
        if (inserted.Count == 0)
        {
            return steps;
        }

        var at = throughCheckout ?? 0;
        return [.. steps.Take(at), .. inserted, .. steps.Skip(at)];
    }

    /// <summary>
    /// The skip steps after the checkout. A job without one (<c>checkout: false</c>) gets a <c>checkout</c> of its own
    /// first, as GitHub's early exit does: hashing an empty directory would give one hash forever, and the job would
    /// halt after its first success.
    /// </summary>
    private static IReadOnlyList<ConfigStep> WithSkipSteps(IReadOnlyList<ConfigStep> steps, int? throughCheckout, IReadOnlyList<ConfigStep> start) =>
        throughCheckout is null ? [new CheckoutStep(), .. start, .. steps] : AfterCheckout(steps, throughCheckout, start);
}
