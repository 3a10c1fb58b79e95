using System.Text.RegularExpressions;

namespace CIGen.Core.Config.Binding;

/// <summary>What jobs, steps, commands, inputs and workflows may be called: names every platform accepts as ids and file names.</summary>
internal static partial class Names
{
    public const string IdRule = "letters, digits, `_` and `-`, starting with a letter or `_`";

    public const string WorkflowRule = "letters, digits, `_` and `-`";

    public static bool IsId(string name) => Id().IsMatch(name);

    public static bool IsWorkflowId(string name) => WorkflowId().IsMatch(name);

    /// <summary>A name shells accept for an environment variable.</summary>
    public static bool IsVariable(string name) => Variable().IsMatch(name);

    /// <summary>
    /// Why a service container cannot take <paramref name="name"/> as an environment variable, or null when it can. The
    /// environment is a list of <c>NAME=value</c> C strings, so a name is anything non-empty without <c>=</c> or NUL;
    /// GitHub's workflow checks (actionlint's env-var rule) also refuse whitespace and <c>&amp;</c> in a name.
    /// </summary>
    public static string? ContainerVariableProblem(string name) =>
        name.Length == 0 ? "cannot name an environment variable; give the variable a name, such as `discovery.type`"
        : name.Contains('=', StringComparison.Ordinal)
            ? "is not an environment variable name: `=` ends a name and starts its value; write the name without `=` and put the value after the colon"
        : name.Contains('\0', StringComparison.Ordinal) ? "is not an environment variable name: it contains a NUL character; remove it"
        : name.Any(char.IsWhiteSpace) || name.Contains('&', StringComparison.Ordinal)
            ? "is not an environment variable name GitHub Actions accepts: it contains whitespace or `&`; remove them (`.`, `-` and digits are fine)"
        : null;

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowId();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
