using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI.Rendering;

/// <param name="Filters">Put on every job of the workflow; null when it runs on every pushed branch and no tag.</param>
/// <param name="Guard">The pipeline parameter a workflow without push triggers runs under; null for one that runs on pushes.</param>
internal sealed record WorkflowTriggers(JobFilters? Filters, PipelineParameter? Guard);

/// <summary>
/// Maps a workflow's <c>on:</c> to what a CircleCI config can say. CircleCI starts a pipeline for every push (of a
/// branch or a tag) and runs each workflow whose job filters accept the ref, so:
/// <list type="bullet">
/// <item><c>push</c> branch and tag filters become <c>filters</c> on every job (CircleCI requires the same tag filters
/// on a job and everything it requires, which this satisfies). Without filters, <c>push</c> runs on every branch
/// and every tag, as on GitHub: <c>tags: {only: /.*/}</c>. With only tag filters it runs on no branch:
/// <c>branches: {ignore: /.*/}</c>; with only branch filters, on no tag.</item>
/// <item><c>pull_request</c> / <c>pull_request_target</c>: CircleCI builds a pull request as the push of its branch (the
/// project setting "Only build pull requests" limits pushes to branches with an open PR), so these events accept every
/// branch, and their own filters (base branches, types) have nothing to filter: a workflow with a push branch filter
/// and a pull_request trigger runs on every branch. No diagnostic: this is the mapping.</item>
/// <item>Path filters: a plain CircleCI config cannot filter by changed files (that needs the path-filtering orb and a
/// setup workflow): a warning, and the workflow runs whatever changed.</item>
/// <item>Every other event (<c>schedule</c>, <c>workflow_dispatch</c>, <c>workflow_run</c>, <c>release</c>, ...) has no
/// CircleCI config spelling: a warning saying what to set up instead. A workflow with no push or pull_request trigger
/// at all must not run on pushes, so it gets the guard <c>when: &lt;&lt; pipeline.parameters.run_&lt;workflow&gt; &gt;&gt;</c>
/// over a boolean pipeline parameter that is false unless a scheduled pipeline or an API trigger sets it.</item>
/// </list>
/// </summary>
internal static class TriggerRenderer
{
    private const string Everything = "/.*/";

    public static WorkflowTriggers Render(Workflow workflow, Scope scope)
    {
        var branches = RefSet.None;
        var tags = RefSet.None;
        var runsOnPushes = false;
        var elsewhere = new List<Trigger>();
        foreach (var trigger in workflow.Triggers)
        {
            if (trigger.Paths.Count > 0 || trigger.PathsIgnore.Count > 0)
            {
                scope.Warning(
                    DiagnosticCodes.PathFilter,
                    $"the path filters of the `{trigger.Event}` trigger of {scope.Description} cannot be written in a plain CircleCI "
                    + "config (that takes the path-filtering orb and a setup workflow); the workflow runs whatever files changed",
                    trigger.Source);
            }

            switch (trigger.Event)
            {
                case "push":
                    runsOnPushes = true;
                    var filtersBranches = trigger.Branches.Count > 0 || trigger.BranchesIgnore.Count > 0;
                    var filtersTags = trigger.Tags.Count > 0 || trigger.TagsIgnore.Count > 0;
                    branches = branches.Union(
                        filtersBranches ? Filter(trigger.Branches, trigger.BranchesIgnore, "branch", trigger, scope)
                        : filtersTags ? RefSet.None : RefSet.All,
                        trigger);
                    tags = tags.Union(
                        filtersTags ? Filter(trigger.Tags, trigger.TagsIgnore, "tag", trigger, scope)
                        : filtersBranches ? RefSet.None : RefSet.All,
                        trigger);
                    break;
                case "pull_request" or "pull_request_target":
                    runsOnPushes = true;
                    branches = branches.Union(RefSet.All, trigger);
                    break;
                default:
                    elsewhere.Add(trigger);
                    break;
            }
        }

        var guard = runsOnPushes ? null : new PipelineParameter
        {
            Name = $"run_{workflow.Id}",
            Description = $"Run the workflow {workflow.Id} (set by its scheduled pipeline or API trigger)",
        };
        foreach (var trigger in elsewhere)
        {
            scope.Warning(DiagnosticCodes.Trigger, Instead(trigger, scope, guard), trigger.Source);
        }

        if (guard is not null)
        {
            return new WorkflowTriggers(null, guard);
        }

        var filters = new JobFilters
        {
            Branches = branches.Kind switch
            {
                RefSetKind.None => new RefFilter { Ignore = [Everything] },
                RefSetKind.Filtered => branches.Filter,
                _ => null,
            },
            Tags = tags.Kind switch
            {
                RefSetKind.All => new RefFilter { Only = [Everything] },
                RefSetKind.Filtered => tags.Filter,
                _ => null,
            },
        };
        return new WorkflowTriggers(filters.Branches is null && filters.Tags is null ? null : filters, null);
    }

    private static string Instead(Trigger trigger, Scope scope, PipelineParameter? guard)
    {
        var withParameter = guard is null ? "" : $" with the pipeline parameter `{guard.Name}: true`";
        var forRef = guard is null ? " for a branch or tag the workflow's filters accept" : "";
        return trigger.Event switch
        {
            "schedule" =>
                $"the schedule of {scope.Description} (cron {string.Join(", ", trigger.Cron.Select(c => $"`{c}`"))}) cannot be written in a "
                + $"CircleCI config; create a scheduled pipeline in the CircleCI project settings (Triggers) with that schedule{forRef}"
                + (guard is null ? "" : $" and the pipeline parameter `{guard.Name}: true`"),
            "workflow_dispatch" =>
                $"manual runs (workflow_dispatch) of {scope.Description} cannot be written in a CircleCI config; trigger a pipeline from "
                + $"the CircleCI web app or API{forRef}{withParameter}"
                + (trigger.Inputs.Count == 0 ? "" :
                    $"; its inputs ({string.Join(", ", trigger.Inputs.Select(i => i.Name))}) are not passed on — CircleCI jobs get values "
                    + "from pipeline parameters or environment variables"),
            _ =>
                $"the `{trigger.Event}` event of {scope.Description} cannot be written in a CircleCI config; trigger a pipeline through "
                + $"the CircleCI API when it happens (e.g. from a webhook){forRef}{withParameter}",
        };
    }

    /// <summary>
    /// GitHub's list (positive patterns, then <c>!</c> exclusions) and its <c>-ignore</c> list as CircleCI's only/ignore.
    /// GitHub reads the list in order, so an exclusion followed by a pattern that includes again has no only/ignore form.
    /// </summary>
    private static RefSet Filter(IReadOnlyList<string> patterns, IReadOnlyList<string> ignored, string kind, Trigger trigger, Scope scope)
    {
        var only = new List<string>();
        var ignore = new List<string>();
        foreach (var pattern in patterns)
        {
            if (Specifier(pattern.StartsWith('!') ? pattern[1..] : pattern) is not { } specifier)
            {
                return RefSet.All;
            }

            if (pattern.StartsWith('!'))
            {
                ignore.Add(specifier);
            }
            else if (ignore.Count > 0)
            {
                return Unexpressible($"lists `{pattern}` after a `!` pattern; GitHub reads the list in order, CircleCI's only/ignore lists cannot — put the `!` patterns last");
            }
            else
            {
                only.Add(specifier);
            }
        }

        if (patterns.Count > 0 && only.Count == 0)
        {
            // A `!` pattern only takes back what the patterns before it matched, so on GitHub a list of nothing but `!`
            // patterns matches no ref: `tags: ['!**']` beside a branch filter is how a workflow says "never on a tag".
            // CircleCI says the same by running the workflow for no ref of this kind. A warning, not silence, since
            // `branches: ['!wip/*']` alone is more often meant as "every branch but wip/*".
            scope.Warning(
                DiagnosticCodes.RefFilter,
                $"the {kind} filter of the push trigger of {scope.Description} has only `!` patterns, which match no {kind} on GitHub; "
                + $"the workflow runs for no {kind} on pushes here either (to run for every {kind} but these, use the -ignore list)",
                trigger.Source);
            return RefSet.None;
        }

        foreach (var pattern in ignored)
        {
            if (pattern.StartsWith('!'))
            {
                return Unexpressible($"lists `{pattern}` in its -ignore list; CircleCI's ignore list cannot take exceptions — list the patterns to run in the {kind} filter instead");
            }

            if (Specifier(pattern) is not { } specifier)
            {
                return RefSet.All;
            }

            ignore.Add(specifier);
        }

        return RefSet.Filtered(new RefFilter { Only = only, Ignore = ignore });

        string? Specifier(string pattern)
        {
            var specifier = RefPatterns.ToCircleCi(pattern, out var error);
            if (specifier is null)
            {
                scope.Error(DiagnosticCodes.RefFilter, $"the {kind} filter of the push trigger of {scope.Description} has `{pattern}`, which is no filter pattern: {error}", trigger.Source);
            }

            return specifier;
        }

        RefSet Unexpressible(string problem)
        {
            scope.Error(DiagnosticCodes.RefFilter, $"the {kind} filter of the push trigger of {scope.Description} {problem}", trigger.Source);
            return RefSet.All;
        }
    }

    private enum RefSetKind
    {
        None,
        All,
        Filtered,
    }

    /// <summary>The branches (or tags) a workflow runs for: none, all, or those a filter accepts.</summary>
    private readonly record struct RefSet(RefSetKind Kind, RefFilter? Filter)
    {
        public static RefSet None => new(RefSetKind.None, null);

        public static RefSet All => new(RefSetKind.All, null);

        public static RefSet Filtered(RefFilter filter) => new(RefSetKind.Filtered, filter);

        /// <summary>The refs of either trigger. Only <c>push</c> filters, and it appears once per workflow.</summary>
        public RefSet Union(RefSet other, Trigger trigger) => (Kind, other.Kind) switch
        {
            (RefSetKind.All, _) or (_, RefSetKind.All) => All,
            (RefSetKind.None, _) => other,
            (_, RefSetKind.None) => this,
            _ => throw InvalidGraphException.Broken($"each event appears once per workflow, but '{trigger.Event}' filters refs a second time", trigger.Source),
        };
    }
}
