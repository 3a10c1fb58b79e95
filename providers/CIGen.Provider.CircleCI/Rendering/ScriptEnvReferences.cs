using System.Text;
using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>A run script with its <c>${{ env.X }}</c> rewritten, and the names it reads that cigen does not set.</summary>
internal sealed record RewrittenScript(string Script, IReadOnlyList<string> Undefined);

/// <summary>
/// <c>${{ env.X }}</c> in a run script on CircleCI. GitHub pastes the value of <c>X</c> into the script; CircleCI has
/// no <c>${{ }}</c>, and bash stops at it (bad substitution). When cigen sets <c>X</c> for the job — in the workflow's,
/// the job's or the step's <c>env</c> — the variable is in the step's environment, so the shell's own reference reads
/// the same value. A name cigen does not set is left as written and reported by the caller: on GitHub it would be
/// empty, on CircleCI whatever the project happens to define, and the difference must not be silent.
/// </summary>
internal static partial class ScriptEnvReferences
{
    private static readonly string[] PosixShells = ["bash", "sh", "dash", "zsh", "ksh"];

    /// <param name="defined">The names cigen sets for every job the step runs in, the step's own included.</param>
    /// <param name="shell">The step's shell as the graph spells it; null is CircleCI's default, bash.</param>
    public static RewrittenScript Rewrite(string script, IReadOnlySet<string> defined, string? shell)
    {
        if (!script.Contains(EmbeddedExpression.Open, StringComparison.Ordinal) || !CanRead(shell))
        {
            return new RewrittenScript(script, []);
        }

        var result = new StringBuilder(script.Length);
        var undefined = new List<string>();
        var position = 0;
        while (EmbeddedExpression.Find(script, position) is { } expression)
        {
            result.Append(script, position, expression.Start - position);
            if (NameIn(expression.Inner) is not { } name)
            {
                result.Append(script, expression.Start, expression.End - expression.Start);
            }
            else if (defined.Contains(name))
            {
                result.Append(Reference(name, shell));
            }
            else
            {
                result.Append(script, expression.Start, expression.End - expression.Start);
                if (!undefined.Contains(name))
                {
                    undefined.Add(name);
                }
            }

            position = expression.End;
        }

        result.Append(script, position, script.Length - position);
        return new RewrittenScript(result.ToString(), undefined);
    }

    /// <summary>True for an expression that is exactly <c>env.X</c>.</summary>
    public static bool IsEnvReference(string inner) => NameIn(inner) is not null;

    /// <summary>
    /// The names cigen sets for a job on CircleCI: the workflow's (top-level ones included) and the job's. References
    /// among them count too: a same-name one is the project's or context's variable, another is exported first.
    /// </summary>
    public static IReadOnlySet<string> DefinedFor(Workflow workflow, Job job) =>
        workflow.Env.Keys.Concat(job.Env.Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// For a command's steps: what any job using the command sets (<paramref name="users"/> as <c>workflow/job</c>). In
    /// a job that does not set it, the shell's reference is empty, as GitHub's expression would be — unless the
    /// project or a context defines a variable of that name.
    /// </summary>
    public static IReadOnlySet<string> DefinedForAny(Graph graph, IReadOnlyList<string> users) =>
        graph.Workflows
            .SelectMany(workflow => workflow.Jobs.Where(j => users.Contains($"{workflow.Id}/{j.Id}")).SelectMany(job => DefinedFor(workflow, job)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>pwsh reads <c>$env:X</c>, POSIX shells <c>${X}</c>; another shell (python, cmd) is not rewritten.</summary>
    private static bool CanRead(string? shell) =>
        shell is null or "pwsh" or "powershell" || PosixShells.Contains(Path.GetFileName(shell.Split(' ')[0]));

    private static string Reference(string name, string? shell) =>
        shell is "pwsh" or "powershell" ? $"$env:{name}" : $"${{{name}}}";

    private static string? NameIn(string inner) => EnvName().Match(inner) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"\Aenv\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();
}
