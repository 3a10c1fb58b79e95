using CIGen.Provider.Sdk.Expressions;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Diagnostics;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Where in the graph something is rendered — a workflow, a job, or a command shared by jobs — so each diagnostic names
/// its place in words and carries the workflow/job fields.
/// </summary>
/// <param name="Description">E.g. <c>job `test` of workflow `ci`</c>, <c>command `setup` (used by ci/test)</c>.</param>
internal sealed record Scope(DiagnosticBag Diagnostics, string Description, string? Workflow = null, string? Job = null)
{
    public static Scope ForWorkflow(DiagnosticBag diagnostics, Workflow workflow) =>
        new(diagnostics, $"workflow `{workflow.Id}`", workflow.Id);

    /// <param name="matrixJob">
    /// The matrix job <paramref name="job"/> is a leg of, which the user wrote and the diagnostics name: what every leg
    /// reports alike is then said once (<see cref="DiagnosticBag"/> keeps one of equal diagnostics).
    /// </param>
    public static Scope ForJob(DiagnosticBag diagnostics, Workflow workflow, Job job, string? matrixJob = null) =>
        new(diagnostics, $"job `{matrixJob ?? job.Id}` of workflow `{workflow.Id}`", workflow.Id, matrixJob ?? job.Id);

    /// <param name="users">Jobs using the command, as <c>workflow/job</c>, in graph order.</param>
    public static Scope ForCommand(DiagnosticBag diagnostics, Command command, IReadOnlyList<string> users) =>
        new(diagnostics, $"command `{command.Name}` (used by {string.Join(", ", users)})");

    public void Error(string code, string message, SourceLocation? source) => Diagnostics.Error(code, message, source, Workflow, Job);

    public void Warning(string code, string message, SourceLocation? source) => Diagnostics.Warning(code, message, source, Workflow, Job);

    public void Info(string code, string message, SourceLocation? source) => Diagnostics.Info(code, message, source, Workflow, Job);

    public void NotSupportedYet(string feature, SourceLocation? source) => Diagnostics.NotSupportedYet(feature, source, Workflow, Job);

    /// <summary>
    /// Warns when <paramref name="text"/> holds a GitHub expression: CircleCI has no <c>${{ }}</c> syntax and passes it
    /// through as literal text, so the job would see <c>${{ secrets.TOKEN }}</c> instead of a value.
    /// </summary>
    /// <param name="what">E.g. <c>variable `TOKEN`</c>, completed with " of " and this scope.</param>
    /// <param name="reported">Expressions (by their inner text) the caller reports in its own words.</param>
    public void WarnAboutGitHubExpression(string? text, string what, SourceLocation? source, Func<string, bool>? reported = null)
    {
        if (text is null)
        {
            return;
        }

        var start = text.IndexOf(EmbeddedExpression.Open, StringComparison.Ordinal);
        var found = start < 0 ? null : EmbeddedExpression.Find(text, start);
        while (found is { } skipped && reported is not null && reported(skipped.Inner))
        {
            start = text.IndexOf(EmbeddedExpression.Open, skipped.End, StringComparison.Ordinal);
            found = start < 0 ? null : EmbeddedExpression.Find(text, start);
        }

        if (start < 0)
        {
            return;
        }

        // An unterminated expression is still worth the warning: quote the rest of the text.
        var expression = found is { } first ? text[first.Start..first.End] : text[start..];
        Warning(
            DiagnosticCodes.GitHubExpression,
            $"{what} of {Description} holds the GitHub expression `{expression}`, which CircleCI does not evaluate: the job "
            + "gets it as literal text; use a CircleCI environment variable (project settings or a context) instead",
            source);
    }

    /// <param name="of">The step the variables belong to, e.g. <c>step 2</c>; null for the scope's own variables.</param>
    public void WarnAboutGitHubExpressions(OrderedDictionary<string, Scalar> environment, SourceLocation? source, string? of = null)
    {
        foreach (var (name, value) in environment)
        {
            WarnAboutGitHubExpression(value.Text, of is null ? $"variable `{name}`" : $"variable `{name}` of {of}", source);
        }
    }
}
