using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Core.Skipping;

/// <summary>How much of the ref a job's markers carry: nothing, the kind of ref, or the kind and the ref's name.</summary>
internal enum RefScope
{
    None,

    /// <summary>The job only tests whether the run is for a branch, a tag or a pull request (<c>tag != ''</c>).</summary>
    Kind,

    /// <summary>The job tests or reads the ref's name (<c>branch == 'main'</c>, <c>$GITHUB_REF_NAME</c>).</summary>
    Name,
}

/// <summary>
/// Whether a job does something different depending on the ref it runs for (branch, tag, pull request), so that a
/// marker recorded on one kind of ref must not skip it on another: its <c>if</c> or a step's (commands it uses
/// included) compares <c>branch</c>/<c>tag</c>, or its text reads the ref — <c>github.ref</c>, <c>github.ref_name</c>,
/// <c>github.ref_type</c>, <c>github.head_ref</c>, <c>github.base_ref</c>, <c>github.event_name</c>, CircleCI's
/// <c>pipeline.git.tag</c>/<c>pipeline.git.branch</c>, or the variables <c>GITHUB_REF*</c>, <c>GITHUB_HEAD_REF</c>,
/// <c>GITHUB_BASE_REF</c>, <c>GITHUB_EVENT_NAME</c>, <c>CIRCLE_TAG</c>, <c>CIRCLE_BRANCH</c>, <c>CIRCLE_PULL_REQUEST*</c>
/// — in a condition, a script, an env value or an action's input. A job that reads or compares the ref's name has
/// markers per ref name: a feature branch's marker must not skip the job's <c>branch == 'main'</c> deploy step after
/// a fast-forward merge, nor tag <c>nightly</c>'s marker the <c>startsWith(tag, 'v')</c> release of a later tag.
/// </summary>
/// <remarks>
/// What an action does inside (a release action that reads the tag itself) is not visible here; such a job is
/// ref-independent unless something above names the ref — <c>skip_on_tags: false</c> covers it.
/// </remarks>
internal static partial class RefDependence
{
    public static RefScope Of(Workflow workflow, Job job, IReadOnlyList<Command> commands)
    {
        var steps = Steps(job.Steps, commands, []).ToList();
        IEnumerable<string?> texts = [job.If, .. workflow.Env.Values.Concat(job.Env.Values).Select(v => v.Text),
            .. steps.SelectMany(s => StepTexts.Of(s).Prepend(s.If))];
        Condition?[] conditions = [job.Condition, .. steps.Select(s => s.Condition)];
        // Text that reads the ref (a script, an action's input, a raw condition) may read its name.
        if (texts.Any(Mentions) || conditions.Any(c => ConditionNodes.All(c).OfType<Condition.Raw>().Any(n => Mentions(n.Text))))
        {
            return RefScope.Name;
        }

        return conditions.Any(ComparesRefName) ? RefScope.Name
            : conditions.Any(c => ConditionNodes.All(c).Any(n => n is Condition.Ref)) ? RefScope.Kind
            : RefScope.None;
    }

    /// <summary>
    /// A test of a ref's name (<c>branch == 'main'</c>, <c>startsWith(tag, 'v')</c>), not only of whether there is one
    /// (<c>tag != ''</c>, <c>!branch</c>), which the ref kind decides.
    /// </summary>
    private static bool ComparesRefName(Condition? condition)
    {
        if (condition is null || condition is Condition.Eq or Condition.Ne && ConditionNodes.Children(condition) is [var a, var b]
            && (IsEmptinessTest(a, b) || IsEmptinessTest(b, a)))
        {
            return false;
        }

        return condition is Condition.Eq or Condition.Ne or Condition.StartsWith && ConditionNodes.Children(condition).Any(o => o is Condition.Ref)
            || ConditionNodes.Children(condition).Any(ComparesRefName);
    }

    private static bool IsEmptinessTest(Condition reference, Condition other) => reference is Condition.Ref && other is Condition.Literal("");

    /// <summary>The steps and, in place of a command step, the command's steps (each command once).</summary>
    private static IEnumerable<Step> Steps(IReadOnlyList<Step> steps, IReadOnlyList<Command> commands, HashSet<string> expanded)
    {
        foreach (var step in steps)
        {
            yield return step;
            if (step is CommandStep { Command: var name } && expanded.Add(name)
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
