using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Patterns;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>A pull-request trigger's path filter that the plan job applies instead of <c>on:</c>.</summary>
/// <param name="Event"><c>pull_request</c> or <c>pull_request_target</c>.</param>
/// <param name="Kind"><c>paths</c> or <c>paths-ignore</c>.</param>
/// <param name="Patterns">The filter's patterns, in order.</param>
internal sealed record MovedPathFilter(string Event, string Kind, IReadOnlyList<FilterPattern> Patterns);

/// <summary>
/// Pull-request path filters in a workflow with the plan job. GitHub does not start a workflow whose pull-request
/// trigger's <c>paths</c>/<c>paths-ignore</c> leaves out every changed file, so its gate — the one required check —
/// would never report. So the trigger is written without the filter, and the plan job's first step after the checkout
/// (<see cref="Id"/>, Scripts/path-filter.sh) decides as GitHub would: its output <see cref="OutputName"/> is
/// <c>false</c> when the filter leaves the run out; then the plan says skip for every skippable job and every other
/// job's condition fails (<see cref="JobCondition"/>), and the gate passes over skipped jobs. Push filters stay in
/// <c>on:</c>: nothing waits for a check on a push.
/// </summary>
internal static class PathFilters
{
    /// <summary>The plan job's step that applies the filter, and the plan's output of its verdict.</summary>
    public const string Id = "cigen_paths";

    public const string OutputName = "cigen_paths";

    private static readonly EmbeddedScript Script = new(typeof(PathFilters).Assembly, "CIGen.Provider.GitHub.Scripts.path-filter.sh");

    /// <summary>Holds in a plan job step unless the filter left the run out (also when the filter step did not run).</summary>
    public static string StepPasses => $"steps.{Id}.outputs.run != 'false'";

    /// <summary>Holds in a plan job output when the filter left the run out.</summary>
    public static string StepLeavesOut => $"steps.{Id}.outputs.run == 'false'";

    /// <summary>
    /// The condition of a job the plan does not decide about: the filter did not leave the run out. A failed plan job
    /// has no outputs, so the condition alone lets such a job run (GitHub's implicit <c>success()</c> still waits for the
    /// plan job, a status function in the job's own condition decides itself).
    /// </summary>
    public static string JobCondition => $"needs.{WorkflowSkipping.PlanJobId}.outputs.{OutputName} != 'false'";

    /// <summary>The pull-request triggers of <paramref name="workflow"/> that filter by paths.</summary>
    public static IEnumerable<Trigger> Filtered(Workflow workflow) =>
        workflow.Triggers.Where(t => t.Event is "pull_request" or "pull_request_target" && (t.Paths.Count > 0 || t.PathsIgnore.Count > 0));

    /// <summary>
    /// The filters the plan job can apply. A filter with a pattern that is no GitHub filter pattern stays in
    /// <c>on:</c>, with a warning that it hides the gate.
    /// </summary>
    public static IReadOnlyList<MovedPathFilter> Move(Workflow workflow, DiagnosticBag diagnostics)
    {
        var moved = new List<MovedPathFilter>();
        foreach (var trigger in Filtered(workflow))
        {
            var kind = trigger.Paths.Count > 0 ? "paths" : "paths-ignore";
            var patterns = new List<FilterPattern>();
            foreach (var pattern in trigger.Paths.Count > 0 ? trigger.Paths : trigger.PathsIgnore)
            {
                if (!FilterPattern.TryCompile(pattern, out var compiled, out var error))
                {
                    diagnostics.Warning(
                        DiagnosticCodes.PathFilterHidesGate,
                        $"workflow '{workflow.Id}' filters '{trigger.Event}' by '{kind}', and its pattern '{pattern}' is no GitHub filter pattern ({error}), "
                        + $"so the plan job cannot apply the filter and it stays in 'on:': on a pull request that changes only files the filter leaves out, "
                        + $"GitHub does not start the workflow, so the required check '{GateJob.Id}' ({GateJob.Name}) never reports and the pull request "
                        + "cannot merge; correct the pattern",
                        trigger.Source, workflow.Id);
                    patterns = null;
                    break;
                }

                patterns.Add(compiled);
            }

            if (patterns is not null)
            {
                moved.Add(new MovedPathFilter(trigger.Event, kind, patterns));
            }
        }

        return moved;
    }

    /// <summary>The plan job's step: the script with the filters, the pull request's number and head in its env.</summary>
    public static Model.RunStep Step(IReadOnlyList<MovedPathFilter> filters)
    {
        var env = new OrderedDictionary<string, Scalar>();
        if (filters.Any(f => f.Event == "pull_request_target"))
        {
            env.Add("CIGEN_PR_NUMBER", "${{ github.event.pull_request.number }}");
        }

        env.Add("CIGEN_PR_HEAD", "${{ github.event.pull_request.head.sha }}");
        foreach (var filter in filters)
        {
            var name = $"CIGEN_{filter.Event.ToUpperInvariant()}";
            env.Add($"{name}_FILTER", filter.Kind);
            env.Add($"{name}_PATTERNS", string.Join('\n', filter.Patterns.Select(p => p.Line)));
        }

        return new RunStep
        {
            Name = "Apply the pull request's path filter",
            Id = Id,
            Env = env,
            Shell = SkipSteps.Shell,
            Run = Script.Code,
        };
    }

    /// <summary>The plan job's checkout: a pull_request run diffs the merge commit with its first parent, so it fetches both parents.</summary>
    public static ActionStep Checkout(IReadOnlyList<MovedPathFilter> filters) =>
        filters.Any(f => f.Event == "pull_request")
            ? new ActionStep { Uses = ActionStep.Checkout, With = new OrderedDictionary<string, Scalar> { ["fetch-depth"] = Scalar.Number("2") } }
            : new ActionStep { Uses = ActionStep.Checkout };
}
