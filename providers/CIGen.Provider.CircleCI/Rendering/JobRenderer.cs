using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Maps a graph job to a CircleCI job definition, reporting every setting it cannot render. The definition's name is
/// decided later, across all workflows (<see cref="JobNames"/>).
/// </summary>
internal sealed class JobRenderer(Graph graph, CommandSet commands)
{
    /// <summary>CircleCI's general-purpose convenience image, for jobs that name no image.</summary>
    public const string DefaultImage = "cimg/base:current";

    /// <returns>The definition, or null for an approval job, which exists only in its workflow.</returns>
    public JobDefinition? Render(Workflow workflow, Job job, Scope scope)
    {
        foreach (var feature in JobFeatures.Used(job, graph).Where(f => f.Key is not (JobFeatures.Approval or JobFeatures.Services or JobFeatures.RequiresAny)))
        {
            scope.NotSupportedYet(feature.Description, job.Source);
        }

        CheckCondition(job, scope);
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
        scope.WarnAboutGitHubExpressions(job.Env, job.Source);
        var services = new ServiceRenderer(scope);
        var steps = WithServiceWait(new StepRenderer(commands, scope).Render(job.Steps), services.Ports(job.Services));
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
            Image = job.Image ?? DefaultImage,
            Services = services.Images(job.Services),
            ResourceClass = job.Runner?.ResourceClass,
            Environment = Merge(workflow.Env, job.Env),
            Steps = steps,
        };
    }

    /// <summary>
    /// The wait goes right after the checkout (first when there is none), so the user's steps find the services up.
    /// </summary>
    private static IReadOnlyList<ConfigStep> WithServiceWait(IReadOnlyList<ConfigStep> steps, IReadOnlyList<AwaitedPort> ports)
    {
        if (ports.Count == 0)
        {
            return steps;
        }

        var at = steps.ToList().FindIndex(s => s is CheckoutStep) + 1;
        return [.. steps.Take(at), new RunStep { Name = ServiceWait.StepName, Command = ServiceWait.Script(ports) }, .. steps.Skip(at)];
    }

    /// <summary>
    /// CircleCI has no workflow variables: the workflow's come first in each job's <c>environment</c>, and a job variable
    /// of the same name replaces the workflow's value in place.
    /// </summary>
    private static OrderedDictionary<string, Scalar> Merge(OrderedDictionary<string, Scalar> workflow, OrderedDictionary<string, Scalar> job)
    {
        var merged = new OrderedDictionary<string, Scalar>(workflow);
        foreach (var (name, value) in job)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>
    /// A CircleCI workflow runs a job when everything it requires succeeded — GitHub's <c>success()</c>. Nothing else can
    /// be said, except that <c>always()</c> on a job that requires nothing runs it anyway.
    /// </summary>
    private static void CheckCondition(Job job, Scope scope)
    {
        var condition = Conditions.Classify(job.If);
        if (condition == StatusCondition.Success || (condition == StatusCondition.Always && job.Needs.Count == 0 && job.RequiresAny.Count == 0))
        {
            return;
        }

        scope.Error(
            DiagnosticCodes.JobCondition,
            $"{scope.Description} has the condition `{job.If}`, which the circleci provider cannot express: a CircleCI workflow runs a "
            + "job when every job it requires succeeded; remove the condition, or move the job to a workflow whose `on` filters "
            + "select when it runs",
            job.Source);
    }
}
