using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Declares once, in the job's <c>env</c>, each matrix value the job's run steps read through env
/// (<c>MATRIX_DIR: ${{ matrix.dir }}</c>, as <see cref="ScriptExpressions"/> moves it out of a script) instead of on
/// every step that reads it (an action's step keeps its own, next to the inputs it goes with): a job's env may read
/// the matrix context, and every step inherits it. Values still reach scripts through env only. A name stays on the
/// steps when the user chose it, when the job's or the workflow's env has it already (the user's variable wins where
/// it did), or when steps give it different values.
/// </summary>
internal static partial class MatrixEnv
{
    public static (IReadOnlyList<JobStep> Steps, OrderedDictionary<string, Scalar> Env) Hoist(
        IReadOnlyList<JobStep> steps, OrderedDictionary<string, Scalar> jobEnv, IReadOnlyDictionary<string, Scalar> workflowEnv)
    {
        var hoisted = new OrderedDictionary<string, Scalar>();
        foreach (var (name, value) in steps.OfType<RunStep>().SelectMany(s => s.Env).Where(e => IsMovedMatrixValue(e.Key, e.Value)))
        {
            if (hoisted.ContainsKey(name) || jobEnv.ContainsKey(name) || workflowEnv.ContainsKey(name)
                || steps.Any(s => s.Env.TryGetValue(name, out var other) && other != value))
            {
                continue;
            }

            hoisted.Add(name, value);
        }

        if (hoisted.Count == 0)
        {
            return (steps, jobEnv);
        }

        var env = new OrderedDictionary<string, Scalar>(jobEnv);
        foreach (var (name, value) in hoisted)
        {
            env.Add(name, value);
        }

        return ([.. steps.Select(s => s is RunStep && s.Env.Keys.Any(hoisted.ContainsKey) ? s with { Env = Without(s.Env, hoisted) } : s)], env);
    }

    private static OrderedDictionary<string, Scalar> Without(OrderedDictionary<string, Scalar> env, OrderedDictionary<string, Scalar> hoisted) =>
        new(env.Where(e => !hoisted.ContainsKey(e.Key)));

    /// <summary>
    /// True for a variable <see cref="ScriptExpressions"/> made of a matrix value (<c>MATRIX_DIR: ${{ matrix.dir }}</c>):
    /// a name the user chose for a step's variable stays that step's, as other steps' scripts may read it unset.
    /// </summary>
    private static bool IsMovedMatrixValue(string name, Scalar value) =>
        value.Kind == ScalarKind.String && MatrixValue().Match(value.Text) is { Success: true } match && ScriptExpressions.NameOf(match.Groups[1].Value) == name;

    /// <summary>Exactly one matrix value, <c>${{ matrix.dir }}</c>.</summary>
    [GeneratedRegex(@"^\$\{\{ *(matrix\.[A-Za-z_][A-Za-z0-9_-]*) *\}\}$")]
    private static partial Regex MatrixValue();
}
