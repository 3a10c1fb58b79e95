using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Validation;

/// <summary>A <c>run:</c> script of a workflow (or CircleCI config, see <c>CircleCiRunScripts</c>) and where it is.</summary>
/// <param name="Shell">The shell GitHub runs it with: the step's, else the job's or workflow's <c>defaults.run.shell</c>, else bash.</param>
/// <param name="FirstLine">The file line of the script's first line.</param>
public sealed record RunScript(string Path, string Job, int Step, string Shell, string Script, int FirstLine, int Column)
{
    /// <summary>What holds the step, as findings name it: the job, or e.g. a CircleCI command.</summary>
    public string Where { get; init; } = $"job {Job}";
}

/// <summary>Finds every <c>run:</c> script in a workflow by parsing it, the way actionlint does before calling shellcheck.</summary>
public static partial class RunScripts
{
    public static IReadOnlyList<RunScript> Extract(string path, string workflowText)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(workflowText));
        }
        catch (YamlException)
        {
            // Not YAML: actionlint and GitHub's parser report that; there are no scripts to check.
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        var scripts = new List<RunScript>();
        var workflowShell = DefaultShell(root);
        if (Child(root, "runs") is YamlMappingNode runs && Child(runs, "steps") is YamlSequenceNode actionSteps)
        {
            // A composite action's metadata: its steps name their shells.
            AddScripts(scripts, path, "(composite action)", actionSteps, "bash");
            return scripts;
        }

        if (Child(root, "jobs") is not YamlMappingNode jobs)
        {
            return scripts;
        }

        foreach (var (jobKey, jobNode) in jobs.Children)
        {
            if (jobNode is not YamlMappingNode job || Child(job, "steps") is not YamlSequenceNode steps)
            {
                continue;
            }

            AddScripts(scripts, path, ((YamlScalarNode)jobKey).Value ?? "", steps, DefaultShell(job) ?? workflowShell ?? "bash");
        }

        return scripts;
    }

    private static void AddScripts(List<RunScript> scripts, string path, string job, YamlSequenceNode steps, string defaultShell)
    {
        var index = 0;
        foreach (var stepNode in steps.Children)
        {
            index++;
            if (stepNode is not YamlMappingNode step || Child(step, "run") is not YamlScalarNode run)
            {
                continue;
            }

            var shell = (Child(step, "shell") as YamlScalarNode)?.Value ?? defaultShell;
            var (line, column) = TextStart(run);
            scripts.Add(new RunScript(path, job, index, shell, run.Value ?? "", line, column));
        }
    }

    /// <summary>Where a script's text starts in the file: a block scalar's text starts on the line after its <c>|</c> header.</summary>
    public static (int Line, int Column) TextStart(YamlScalarNode script)
    {
        var block = script.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        return block ? ((int)script.Start.Line + 1, (int)script.Start.Column + 2) : ((int)script.Start.Line, (int)script.Start.Column);
    }

    /// <summary>
    /// The script with every <c>${{ … }}</c> replaced by underscores of the same length, as actionlint does, so that
    /// shellcheck sees a plain word where GitHub substitutes a value.
    /// </summary>
    public static string WithoutExpressions(string script) =>
        Expression().Replace(script, m => new string('_', m.Length));

    private static string? DefaultShell(YamlMappingNode node) =>
        Child(node, "defaults") is YamlMappingNode defaults
        && Child(defaults, "run") is YamlMappingNode run
        && Child(run, "shell") is YamlScalarNode shell
            ? shell.Value
            : null;

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();
}
