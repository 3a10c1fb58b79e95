using System.Text.RegularExpressions;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// Whether a copy of the runtime (<see cref="CigenRuntime.ScriptFor"/>) is complete: the <c>cigen_</c> names its code
/// uses that it neither defines as a function nor assigns (a name ending in <c>_</c> is a prefix the code completes,
/// <c>cigen_value_NAME</c>, and is not checked). Comments are not code.
/// </summary>
public static partial class RuntimeCompleteness
{
    public static IReadOnlyList<string> Undefined(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var code = string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        var defined = Functions().Matches(code).Concat(Assignments().Matches(code)).Concat(Locals().Matches(code))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return [.. Names().Matches(code).Select(m => m.Value).Where(n => !n.EndsWith('_') && !defined.Contains(n)).Distinct().Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"cigen_\w+")]
    private static partial Regex Names();

    [GeneratedRegex(@"^(cigen_\w+)\(\)", RegexOptions.Multiline)]
    private static partial Regex Functions();

    [GeneratedRegex(@"(?:^|[\s;])(cigen_\w+)\+?=", RegexOptions.Multiline)]
    private static partial Regex Assignments();

    [GeneratedRegex(@"\blocal (?:[^\n;]*?\s)?(cigen_\w+)")]
    private static partial Regex Locals();
}
