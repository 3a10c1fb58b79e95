using CIGen.Provider.Sdk.Runtime;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// What skipping adds to one workflow: which jobs are skippable and how (<c>github.skip_strategy</c>). With
/// <c>plan</c> (the default) the job <see cref="PlanJobId"/> decides before any other job starts, so a job skipped as
/// unchanged never gets a runner; with <c>early_exit</c> each skippable job looks its marker up itself and its steps
/// stop early. Either way a workflow with skippable jobs gets the gate job (<see cref="GateJob"/>). With the plan job,
/// a pull-request trigger's path filter moves into it (<see cref="PathFilters"/>), so that the gate always reports.
/// </summary>
internal sealed class WorkflowSkipping
{
    public const string PlanJobId = "cigen_plan";
    public const string Plan = "plan";
    public const string EarlyExit = "early_exit";

    private readonly Dictionary<string, Job> planned;

    private WorkflowSkipping(IReadOnlyList<Job> skippable, bool plans, IReadOnlyList<MovedPathFilter> pathFilters)
    {
        Skippable = skippable;
        Plans = plans && skippable.Count > 0;
        planned = Plans ? skippable.ToDictionary(j => j.Id, StringComparer.Ordinal) : [];
        MovedPathFilters = Plans ? pathFilters : [];
    }

    /// <summary>The workflow's skippable jobs, in workflow order.</summary>
    public IReadOnlyList<Job> Skippable { get; }

    /// <summary>True when the workflow gets the plan job.</summary>
    public bool Plans { get; }

    public bool Any => Skippable.Count > 0;

    /// <summary>The pull-request path filters the plan job applies instead of <c>on:</c>; none without the plan job.</summary>
    public IReadOnlyList<MovedPathFilter> MovedPathFilters { get; }

    /// <summary>True when the plan job applies a path filter, so every job waits for its verdict.</summary>
    public bool FiltersPaths => MovedPathFilters.Count > 0;

    public static WorkflowSkipping For(Graph graph, Workflow workflow, DiagnosticBag diagnostics)
    {
        // The core accepts only the two names (it reports any other), so anything but early_exit is the default.
        var strategy = FirstPartySettings.GitHub(graph)?.SkipStrategy ?? Plan;
        var plans = strategy != EarlyExit;
        var skippable = workflow.Jobs.Where(j => j.Skipping is not null).ToList();
        var filtersPaths = plans && PathFilters.Filtered(workflow).Any();
        var clashes = skippable.Count == 0 ? [] : workflow.Jobs.Where(j => j.Id is PlanJobId or GateJob.Id || (filtersPaths && j.Id == PathFilters.OutputName && j.Skipping is not null)).ToList();
        foreach (var job in clashes)
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidWorkflow,
                job.Id == PathFilters.OutputName
                    ? $"job id '{job.Id}' is the name of the plan job's output of the pull request's path filter, which its verdict on this skippable job would clash with; rename the job"
                    : $"job id '{job.Id}' is the name of a job cigen adds to workflows with skippable jobs; rename the job",
                job.Source, workflow.Id, job.Id);
        }

        var ambiguous = skippable.Where(j => j.MatrixLegs.Count > 0 && LegChoice.For(j).Ambiguous).ToList();
        foreach (var job in ambiguous)
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidWorkflow,
                $"the matrix legs of job '{job.Id}' cannot be told apart by their values as text (GitHub compares them ignoring case, and a "
                + "value a leg lacks reads as empty), so a leg cannot find its skip marker; make the legs' values differ, or give the job 'skip: false'",
                job.Source, workflow.Id, job.Id);
        }

        if (skippable.Count == 0 || clashes.Count > 0 || ambiguous.Count > 0)
        {
            // After that error the output is discarded; rendering without skipping keeps the job ids unique meanwhile.
            return new WorkflowSkipping([], plans, []);
        }

        if (!plans)
        {
            WarnAboutPathFilters(workflow, diagnostics);
        }

        return new WorkflowSkipping(skippable, plans, plans ? PathFilters.Move(workflow, diagnostics) : []);
    }

    /// <summary>
    /// Without the plan job (<c>early_exit</c>) a pull-request path filter stays in <c>on:</c>, and GitHub does not
    /// start a workflow whose filter leaves out every changed file, so the gate — the one required check — never
    /// reports and the pull request waits for it forever.
    /// </summary>
    private static void WarnAboutPathFilters(Workflow workflow, DiagnosticBag diagnostics)
    {
        foreach (var trigger in PathFilters.Filtered(workflow))
        {
            var filter = trigger.Paths.Count > 0 ? "paths" : "paths-ignore";
            diagnostics.Warning(
                DiagnosticCodes.PathFilterHidesGate,
                $"workflow '{workflow.Id}' has skippable jobs and filters '{trigger.Event}' by '{filter}': on a pull request that changes only files "
                + $"the filter leaves out, GitHub does not start the workflow, so the required check '{GateJob.Id}' ({GateJob.Name}) never reports and "
                + $"the pull request cannot merge; with skip_strategy '{EarlyExit}' the filter stays in 'on:' (the default strategy '{Plan}' applies "
                + $"it in its plan job, so that the gate always reports), so use '{Plan}', or remove '{filter}' from this trigger (jobs whose "
                + "source_files did not change are skipped anyway), or do not make the gate a required check",
                trigger.Source, workflow.Id);
        }
    }

    /// <summary>True when the plan job decides whether <paramref name="jobId"/> runs.</summary>
    public bool Decides(string jobId) => planned.ContainsKey(jobId);

    /// <summary>The job the plan job decides about (see <see cref="Decides"/>).</summary>
    public Job Job(string jobId) => planned[jobId];

    /// <summary>The plan job's verdict on a job: <c>skip</c> or <c>run</c>.</summary>
    public static string Verdict(string jobId) => $"needs.{PlanJobId}.outputs.{jobId}";

    /// <summary>The plan job's output naming the marker a job without a matrix records when it succeeds.</summary>
    public static string MarkerOutputName(string jobId) => $"{jobId}_marker";

    /// <summary>The marker the plan job named for a job without a matrix; empty when the plan did not decide.</summary>
    public static string MarkerOutput(string jobId) => $"needs.{PlanJobId}.outputs.{MarkerOutputName(jobId)}";

    /// <summary>
    /// The marker the running leg of a matrix job records, without <c>${{ }}</c>: its entry in the plan job's object of
    /// the legs' markers (<see cref="PlanJob"/>); empty when the plan job did not decide (it failed, so its outputs are empty).
    /// </summary>
    public static string LegMarker(string jobId, LegChoice choice) =>
        $"fromJSON(needs.{PlanJobId}.outputs.{CigenRuntime.LegsOutput(jobId)} || '{{}}')[{choice.Expression}]";

    /// <summary>The plan job's output a matrix job's strategy reads (<see cref="PlanJob.MatrixLegsOutput"/>), without <c>${{ }}</c>.</summary>
    public static string MatrixLegs(Job job) => $"needs.{PlanJobId}.outputs.{PlanJob.MatrixLegsOutput(job)}";
}
