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

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowId();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
