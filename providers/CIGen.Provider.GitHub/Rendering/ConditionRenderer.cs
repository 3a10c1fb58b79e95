using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Spells a <see cref="Condition"/> in GitHub's expression language, without <c>${{ }}</c> (GitHub adds it around an
/// <c>if:</c>). Tests of <c>branch</c> and <c>tag</c> keep cigen's meaning (docs/config.md, "Refs in conditions"):
/// a literal is compared with the full ref (<c>github.ref == 'refs/tags/v1'</c>), so a tag named like a branch never
/// matches, <c>''</c> means "not a branch" / "not a tag", and <c>startsWith(tag, 'v')</c> tests the ref's prefix. In a
/// workflow that pull requests start, <c>branch</c> is the pull request's head branch (<c>github.head_ref</c>), as on
/// CircleCI, where a pull request builds its branch; <c>github.ref</c> would be the merge ref, or for
/// <c>pull_request_target</c> the base branch.
/// </summary>
/// <param name="PullRequests">The workflow runs for pull requests, so <c>branch</c> must look at the head branch first.</param>
internal sealed record ConditionRenderer(bool PullRequests)
{
    private const string TagsPrefix = "refs/tags/";

    private const string BranchesPrefix = "refs/heads/";

    public static ConditionRenderer For(Workflow workflow) =>
        new(workflow.Triggers.Any(t => t.Event is "pull_request" or "pull_request_target"));

    /// <summary>The rendered tree when the graph carries one, else the condition text as the user wrote it.</summary>
    public string? Text(string? text, Condition? condition) => condition is null ? text : Render(condition);

    public string Render(Condition condition) => condition switch
    {
        Condition.And(var all) => string.Join(" && ", all.Select(c => c is Condition.Or ? $"({Render(c)})" : Render(c))),
        Condition.Or(var any) => string.Join(" || ", any.Select(Render)),
        Condition.Not(var inner) => IsAtom(inner) ? $"!{Render(inner)}" : $"!({Render(inner)})",
        Condition.Status(var status) => $"{status}()",
        Condition.Eq(var left, var right) => RefTest(left, right, prefix: false) is { } test ? test.Text : $"{Side(left)} == {Side(right)}",
        Condition.Ne(var left, var right) => RefTest(left, right, prefix: false) is { } test ? test.Negated : $"{Side(left)} != {Side(right)}",
        Condition.StartsWith(var value, var prefix) => RefTest(value, prefix, prefix: true) is { } test ? test.Text
            : $"startsWith({Render(value)}, {Render(prefix)})",
        _ => Operand(condition),
    };

    /// <summary>A test and its negation, each safe to place beside <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>.</summary>
    private sealed record Spelled(string Text, string Negated)
    {
        public static Spelled Compound(string text) => new($"({text})", $"!({text})");

        public static Spelled Always => new("true", "false");
    }

    /// <summary><c>branch</c>/<c>tag</c> compared with (or tested for a prefix of) a string; null for any other test.</summary>
    private Spelled? RefTest(Condition left, Condition right, bool prefix)
    {
        var (name, value) = (left, right) switch
        {
            (Condition.Ref(var r), Condition.Literal(var v)) => (r, v),
            (Condition.Literal(var v), Condition.Ref(var r)) when !prefix => (r, v),
            _ => ((string?)null, (string?)null),
        };
        if (name is null || value is null)
        {
            return null;
        }

        if (prefix && value.Length == 0)
        {
            return Spelled.Always;
        }

        var refPrefix = name == ConditionRef.Tag ? TagsPrefix : BranchesPrefix;
        var onRef = (prefix, value.Length) switch
        {
            (true, _) => new Spelled($"startsWith(github.ref, {Quote(refPrefix + value)})", $"!startsWith(github.ref, {Quote(refPrefix + value)})"),
            (false, 0) => new Spelled($"!startsWith(github.ref, {Quote(refPrefix)})", $"startsWith(github.ref, {Quote(refPrefix)})"),
            _ => new Spelled($"github.ref == {Quote(refPrefix + value)}", $"github.ref != {Quote(refPrefix + value)}"),
        };
        if (name == ConditionRef.Tag || !PullRequests)
        {
            return onRef;
        }

        // A pull request's run has a head branch: test it; any other run (no head_ref) tests the ref.
        return (prefix, value.Length) switch
        {
            (true, _) => Spelled.Compound($"startsWith(github.head_ref, {Quote(value)}) || !github.head_ref && {onRef.Text}"),
            (false, 0) => new Spelled($"(!github.head_ref && {onRef.Text})", $"(github.head_ref || {onRef.Negated})"),
            _ => Spelled.Compound($"github.head_ref == {Quote(value)} || !github.head_ref && {onRef.Text}"),
        };
    }

    private string Side(Condition operand) => IsAtom(operand) ? Render(operand) : $"({Render(operand)})";

    private string Operand(Condition operand) => operand switch
    {
        Condition.Literal(var value) => Quote(value),
        Condition.Ref(ConditionRef.Tag) => $"(startsWith(github.ref, '{TagsPrefix}') && github.ref_name || '')",
        Condition.Ref when PullRequests => $"(github.head_ref || startsWith(github.ref, '{BranchesPrefix}') && github.ref_name || '')",
        Condition.Ref => $"(startsWith(github.ref, '{BranchesPrefix}') && github.ref_name || '')",
        Condition.Env(var name) => $"env.{name}",
        Condition.Matrix(var name) => $"matrix.{name}",
        Condition.Raw(var raw) => raw,
        _ => throw new InvalidOperationException($"a condition node of kind {operand.GetType().Name} is not an operand"),
    };

    private static bool IsAtom(Condition condition) =>
        condition is Condition.Status or Condition.Literal or Condition.Ref or Condition.Env or Condition.Matrix or Condition.StartsWith
        || (condition is Condition.Raw(var raw) && !raw.Any(char.IsWhiteSpace));

    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
