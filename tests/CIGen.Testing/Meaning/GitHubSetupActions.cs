using CIGen.Protocol;

namespace CIGen.Testing.Meaning;

/// <summary>
/// A generated workflow as GitHub runs it: each call of a job's setup action (<c>- uses: ./.github/actions/cigen-NAME</c>,
/// a local composite action cigen writes for a job's package and cache setup) replaced by that action's steps, for
/// tests about those steps wherever cigen writes them.
/// </summary>
public static class GitHubSetupActions
{
    public const string DirectoryPrefix = ".github/actions/cigen-";

    /// <param name="workflow">A workflow's text.</param>
    /// <param name="files">The generated files the actions are among (paths relative to the output root).</param>
    public static string Inline(string workflow, IEnumerable<OutputFile> files)
    {
        foreach (var action in files.Where(f => f.Path.StartsWith(DirectoryPrefix, StringComparison.Ordinal) && f.Path.EndsWith("/action.yml", StringComparison.Ordinal)))
        {
            const string Steps = "\n  steps:\n";
            var steps = action.Content[(action.Content.IndexOf(Steps, StringComparison.Ordinal) + Steps.Length)..];
            var indented = string.Concat(steps.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));
            workflow = workflow.Replace($"      - uses: ./{action.Path[..action.Path.LastIndexOf('/')]}\n", indented, StringComparison.Ordinal);
        }

        return workflow;
    }

    /// <summary>The setup actions' files under <paramref name="root"/>, for <see cref="Inline"/>.</summary>
    public static IReadOnlyList<OutputFile> Read(string root)
    {
        var directory = Path.Combine(root, ".github", "actions");
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.GetDirectories(directory, "cigen-*").Select(d => Path.Combine(d, "action.yml")).Where(File.Exists).Order(StringComparer.Ordinal)
                .Select(f => new OutputFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))];
    }
}
