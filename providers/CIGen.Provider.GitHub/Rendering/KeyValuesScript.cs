namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// The run script of a <c>key_values</c> step: the core's script, whose <c>name=value</c> lines become the step's
/// outputs by being appended to <c>$GITHUB_OUTPUT</c>, and are copied to the log so a cache miss can be explained.
/// The script is grouped, not indented, so a here-document in it keeps its terminator at the start of a line.
/// </summary>
internal static class KeyValuesScript
{
    public const string Shell = "bash";

    public static string Wrap(string script) => $"{{\n{script.TrimEnd('\n')}\n}} | tee -a \"$GITHUB_OUTPUT\"\n";
}
