using CIGen.Protocol;
using CIGen.Testing.Validation;

namespace CIGen.Testing;

/// <summary>
/// Every check a generated GitHub Actions workflow must pass: actionlint, GitHub's own workflow parser, and
/// shellcheck on each <c>run:</c> script. Missing tools fail loudly with the command that installs them.
/// </summary>
public static class Validators
{
    /// <summary>All findings of all three tools for the given workflow files; empty when they are all clean.</summary>
    public static IReadOnlyList<ValidationFinding> ValidateGitHubWorkflows(IEnumerable<OutputFile> workflows)
    {
        var files = workflows.ToList();
        var findings = new List<ValidationFinding>(WorkflowLinters.Run(files));
        findings.AddRange(Shellcheck.Run(files.SelectMany(f => RunScripts.Extract(f.Path, f.Content))));
        return findings;
    }

    public static IReadOnlyList<ValidationFinding> ValidateGitHubWorkflow(string path, string content) =>
        ValidateGitHubWorkflows([new OutputFile(path, content)]);

    /// <summary>Fails with every finding listed when any tool reports a problem.</summary>
    public static void AssertValidGitHubWorkflows(IEnumerable<OutputFile> workflows)
    {
        var files = workflows.ToList();
        var findings = ValidateGitHubWorkflows(files);
        if (findings.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "Generated workflows have validation findings:\n" + string.Join("\n", findings)
                + "\n\n" + string.Join("\n", files.Select(f => $"--- {f.Path}\n{f.Content}")));
        }
    }
}
