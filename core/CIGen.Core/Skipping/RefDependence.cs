using CIGen.Provider.Sdk.Expressions;
using System.Text.RegularExpressions;
using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// Whether a job does something different depending on the ref it runs for (branch, tag, pull request), so that a
/// marker recorded on one kind of ref must not skip it on another: its <c>if</c> or a step's (commands it uses
/// included) compares <c>branch</c>/<c>tag</c>, or its text reads the ref — <c>github.ref</c>, <c>github.ref_name</c>,
/// <c>github.ref_type</c>, <c>github.head_ref</c>, <c>github.base_ref</c>, <c>github.event_name</c>, CircleCI's
/// <c>pipeline.git.tag</c>/<c>pipeline.git.branch</c>, or the variables <c>GITHUB_REF*</c>, <c>GITHUB_HEAD_REF</c>,
/// <c>GITHUB_BASE_REF</c>, <c>GITHUB_EVENT_NAME</c>, <c>CIRCLE_TAG</c>, <c>CIRCLE_BRANCH</c>, <c>CIRCLE_PULL_REQUEST*</c>
/// — in a condition, a script, an env value or an action's input.
/// </summary>
/// <remarks>
/// What an action does inside (a release action that reads the tag itself) is not visible here; such a job is
/// ref-independent unless something above names the ref — <c>skip_on_tags: false</c> covers it.
/// </remarks>
internal static partial class RefDependence
{
    public static bool Of(Workflow workflow, Job job, IReadOnlyList<Command> commands) =>
        ReadsRef(job.Condition, job.If)
        || workflow.Env.Values.Concat(job.Env.Values).Any(v => Mentions(v.Text))
        || Steps(job.Steps, commands, []).Any(ReadsRef);

    private static bool ReadsRef(Step step) =>
        ReadsRef(step.Condition, step.If)
        || Mentions(step.Run)
        || step.Env.Values.Concat(step.With.Values).Any(v => Mentions(v.Text));

    private static bool ReadsRef(Condition? condition, string? text) =>
        ConditionNodes.All(condition).Any(n => n.Ref is not null || Mentions(n.Raw)) || Mentions(text);

    /// <summary>The steps and, in place of a command step, the command's steps (each command once).</summary>
    private static IEnumerable<Step> Steps(IReadOnlyList<Step> steps, IReadOnlyList<Command> commands, HashSet<string> expanded)
    {
        foreach (var step in steps)
        {
            yield return step;
            if (step.Kind == StepKind.Command && step.Command is { } name && expanded.Add(name)
                && commands.FirstOrDefault(c => c.Name == name) is { } command)
            {
                foreach (var inner in Steps(command.Steps, commands, expanded))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool Mentions(string? text) => text is not null && RefReference().IsMatch(text);

    [GeneratedRegex(
        @"\bgithub\s*\.\s*(?:ref|ref_name|ref_type|head_ref|base_ref|event_name)\b|\bpipeline\.git\.(?:tag|branch)\b|\b(?:GITHUB_REF\w*|GITHUB_HEAD_REF|GITHUB_BASE_REF|GITHUB_EVENT_NAME|CIRCLE_TAG|CIRCLE_BRANCH|CIRCLE_PULL_REQUESTS?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RefReference();
}
