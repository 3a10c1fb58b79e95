using System.Text;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Moves every <c>${{ expr }}</c> of a run script into the step's <c>env</c> and leaves a shell variable in its place.
/// GitHub pastes an expression's value into the script text before the shell reads it, so a value such as a commit
/// message or branch name becomes shell code (script injection; actionlint reports it). Through <c>env</c> the value
/// reaches the script as data. The name comes from the expression (<c>github.head_ref</c> → <c>GITHUB_HEAD_REF</c>) so
/// the generated step stays readable; one expression used twice shares one variable.
/// </summary>
internal static class ScriptExpressions
{
    private const string Open = EmbeddedExpression.Open;
    private const string Close = EmbeddedExpression.Close;

    public static (string Script, OrderedDictionary<string, Scalar> Env) MoveToEnv(
        string script, OrderedDictionary<string, Scalar> env, string? shell)
    {
        if (!script.Contains(Open, StringComparison.Ordinal))
        {
            return (script, env);
        }

        var newEnv = new OrderedDictionary<string, Scalar>(env);
        var result = new StringBuilder(script.Length);
        var position = 0;
        while (Find(script, position) is (var start, var end, var expression))
        {
            result.Append(script, position, start - position).Append(Reference(VariableFor(expression, newEnv), shell));
            position = end;
        }

        result.Append(script, position, script.Length - position);
        return (result.ToString(), newEnv);
    }

    /// <summary>The variable holding <paramref name="expression"/>: an existing one with the same value, else a new one.</summary>
    private static string VariableFor(string expression, OrderedDictionary<string, Scalar> env)
    {
        var value = $"{Open} {expression} {Close}";
        var baseName = NameOf(expression);
        for (var suffix = 1; ; suffix++)
        {
            var name = suffix == 1 ? baseName : $"{baseName}_{suffix}";
            if (!env.TryGetValue(name, out var existing))
            {
                env.Add(name, Scalar.String(value));
                return name;
            }

            if (existing.Kind == ScalarKind.String && IsSameExpression(existing.Text, expression))
            {
                return name;
            }
        }
    }

    private static bool IsSameExpression(string envValue, string expression) =>
        Find(envValue, 0) is (var start, var end, var inner) && start == 0 && end == envValue.Length && inner == expression;

    private static readonly string[] ReservedPrefixes = ["GITHUB_", "RUNNER_", "ACTIONS_"];

    /// <summary><c>steps.v.outputs.version</c> → <c>STEPS_V_OUTPUTS_VERSION</c>: uppercase, every run of other characters one <c>_</c>.</summary>
    internal static string NameOf(string expression)
    {
        var name = new StringBuilder(expression.Length);
        foreach (var c in expression.ToUpperInvariant())
        {
            if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        var trimmed = name.ToString().TrimEnd('_');
        // A shell variable name cannot be empty or start with a digit; and GitHub ignores env keys that would override
        // its own GITHUB_*/RUNNER_*/ACTIONS_* variables (github.event.path → GITHUB_EVENT_PATH is the event file,
        // not the value), so those names get a prefix too.
        return trimmed.Length == 0 || char.IsAsciiDigit(trimmed[0]) || ReservedPrefixes.Any(p => trimmed.StartsWith(p, StringComparison.Ordinal))
            ? $"EXPR_{trimmed}".TrimEnd('_')
            : trimmed;
    }

    /// <summary>How the step's shell reads an environment variable; bash and sh (GitHub's default on Linux and macOS) otherwise.</summary>
    private static string Reference(string name, string? shell) => shell switch
    {
        "pwsh" or "powershell" => $"$env:{name}",
        "cmd" => $"%{name}%",
        _ => $"${{{name}}}",
    };
    private static (int Start, int End, string Expression)? Find(string text, int from) =>
        EmbeddedExpression.Find(text, from) is { } found ? (found.Start, found.End, found.Inner) : null;
}
