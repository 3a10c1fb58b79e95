using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// The run script of a <c>key_values</c> step: the core's script, whose <c>name=value</c> lines become the step's
/// outputs by being appended to <c>$GITHUB_OUTPUT</c>, and are copied to the log so a cache miss can be explained.
/// The script is grouped, not indented, so a here-document in it keeps its terminator at the start of a line.
/// </summary>
internal static class KeyValuesScript
{
    public const string Shell = "bash";

    /// <summary>
    /// The step's env with <c>CIGEN_KEY_DIGESTS: skip</c> (docs/protocol.md, key_values): GitHub checksums files
    /// with <c>hashFiles</c>, so the script's own digests would only cost time and need GNU find on macOS.
    /// </summary>
    public static OrderedDictionary<string, Scalar> WithoutDigests(OrderedDictionary<string, Scalar> env) =>
        new(env) { ["CIGEN_KEY_DIGESTS"] = Scalar.String("skip") };

    public static string Wrap(string script) => $"{{\n{script.TrimEnd('\n')}\n}} | tee -a \"$GITHUB_OUTPUT\"\n";
}
