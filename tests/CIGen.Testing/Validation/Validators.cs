using CIGen.Protocol;
using CIGen.Testing.Validation;
using CIGen.Testing.Validation.CircleCi;

namespace CIGen.Testing;

/// <summary>
/// Every check a generated CI file must pass. GitHub Actions workflows: actionlint, GitHub's own workflow parser, and
/// shellcheck on each <c>run:</c> script. CircleCI configs: CircleCI's official JSON schema, the semantic checks of
/// <see cref="CircleCiSemantics"/>, and shellcheck on each <c>run</c> script. Missing tools fail loudly with the
/// command that installs them.
/// </summary>
public static class Validators
{
    /// <summary>
    /// All findings of all three tools for the given workflow files; empty when they are all clean. The files may include
    /// an action's metadata (<c>action.yml</c>: GitHub's parser checks it against the action schema, and shellcheck its
    /// <c>run:</c> scripts) and shell scripts beside it (<c>.sh</c>: shellcheck, as bash).
    /// </summary>
    public static IReadOnlyList<ValidationFinding> ValidateGitHubWorkflows(IEnumerable<OutputFile> workflows)
    {
        var files = workflows.ToList();
        var yaml = files.Where(f => !IsShellScript(f.Path)).ToList();
        var findings = new List<ValidationFinding>(WorkflowLinters.Run(yaml));
        findings.AddRange(Shellcheck.Run(yaml.SelectMany(f => RunScripts.Extract(f.Path, f.Content)).Concat(ScriptFiles(files))));
        return findings;
    }

    private static bool IsShellScript(string path) => path.EndsWith(".sh", StringComparison.Ordinal);

    public static IReadOnlyList<ValidationFinding> ValidateGitHubWorkflow(string path, string content) =>
        ValidateGitHubWorkflows([new OutputFile(path, content)]);

    /// <summary>Fails with every finding listed when any tool reports a problem.</summary>
    public static void AssertValidGitHubWorkflows(IEnumerable<OutputFile> workflows)
    {
        var files = workflows.ToList();
        Fail("Generated workflows", files, ValidateGitHubWorkflows(files));
    }

    /// <summary>
    /// All findings of the schema, the semantic checks and shellcheck for the given CircleCI configs; empty when all are
    /// clean. The files may include shell scripts beside the configs (<c>.sh</c>, cigen's runtime): shellcheck, as bash.
    /// </summary>
    public static IReadOnlyList<ValidationFinding> ValidateCircleCiConfigs(IEnumerable<OutputFile> configs)
    {
        var all = configs.ToList();
        var files = all.Where(f => !IsShellScript(f.Path)).ToList();
        var findings = new List<ValidationFinding>(CircleCiSchema.Run(files));
        findings.AddRange(files.SelectMany(f => CircleCiSemantics.Check(f.Path, f.Content)));
        findings.AddRange(Shellcheck.Run(files.SelectMany(f => CircleCiRunScripts.Extract(f.Path, f.Content)), CircleCiRunScripts.WithoutParameters));
        findings.AddRange(Shellcheck.Run(ScriptFiles(all)));
        return findings;
    }

    private static IEnumerable<RunScript> ScriptFiles(IEnumerable<OutputFile> files) =>
        files.Where(f => IsShellScript(f.Path)).Select(f => new RunScript(f.Path, "-", 0, "bash", f.Content, 1, 1) { Where = "script file" });

    public static IReadOnlyList<ValidationFinding> ValidateCircleCiConfig(string path, string content) =>
        ValidateCircleCiConfigs([new OutputFile(path, content)]);

    /// <summary>Fails with every finding listed when any check reports a problem.</summary>
    public static void AssertValidCircleCiConfigs(IEnumerable<OutputFile> configs)
    {
        var files = configs.ToList();
        Fail("Generated CircleCI configs", files, ValidateCircleCiConfigs(files));
    }

    private static void Fail(string what, IReadOnlyList<OutputFile> files, IReadOnlyList<ValidationFinding> findings)
    {
        if (findings.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"{what} have validation findings:\n" + string.Join("\n", findings)
                + "\n\n" + string.Join("\n", files.Select(f => $"--- {f.Path}\n{f.Content}")));
        }
    }
}
