namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A step's <c>shell</c> in CircleCI's spelling. The graph uses GitHub's: a shell name that stands for a command line
/// (<c>bash</c> means <c>bash -eo pipefail</c>: stop at the first failing command), or a custom command with
/// <c>{0}</c> where the script file goes. CircleCI's <c>shell</c> is the command line itself, with the script file
/// appended — so a bare <c>bash</c> there would not stop at the first failure.
/// </summary>
internal static class Shells
{
    public static string? ToCircleCi(string? shell) => shell switch
    {
        null => null,
        "bash" => "bash -eo pipefail",
        "sh" => "sh -e",
        _ when shell.EndsWith(" {0}", StringComparison.Ordinal) => shell[..^4].TrimEnd(),
        _ => shell,
    };
}
