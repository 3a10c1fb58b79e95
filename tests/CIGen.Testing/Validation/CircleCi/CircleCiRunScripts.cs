using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// Finds every <c>run</c> script of a CircleCI config — <c>run: cmd</c> and <c>run: {command: cmd}</c>, in jobs,
/// commands, workflow pre-/post-steps, <c>when</c>/<c>unless</c> and step arguments — with the shell CircleCI runs it
/// with: the step's <c>shell</c>, else the job's, else <c>/bin/bash -eo pipefail</c>.
/// </summary>
public static partial class CircleCiRunScripts
{
    public const string DefaultShell = "/bin/bash -eo pipefail";

    public static IReadOnlyList<RunScript> Extract(string path, string configText)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(configText));
        }
        catch (YamlException)
        {
            return []; // Not YAML: the schema check reports that; there are no scripts to check.
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        var scripts = new List<RunScript>();
        foreach (var (name, _, job) in Entries(Get(root, "jobs")))
        {
            Collect(Get(job, "steps"), path, $"job {name}", Text(Get(job, "shell")) ?? DefaultShell, scripts);
        }

        foreach (var (name, _, command) in Entries(Get(root, "commands")))
        {
            Collect(Get(command, "steps"), path, $"command {name}", DefaultShell, scripts);
        }

        foreach (var (workflow, _, body) in Entries(Get(root, "workflows")))
        {
            foreach (var (job, _, settings) in (Get(body, "jobs") as YamlSequenceNode)?.Children.SelectMany(Entries) ?? [])
            {
                var shell = Text(Get(Get(Get(root, "jobs"), job), "shell")) ?? DefaultShell;
                Collect(Get(settings, "pre-steps"), path, $"workflow {workflow}, job {job} pre-steps", shell, scripts);
                Collect(Get(settings, "post-steps"), path, $"workflow {workflow}, job {job} post-steps", shell, scripts);
            }
        }

        return scripts;
    }

    /// <summary>
    /// The script with every <c>&lt;&lt; parameters.x &gt;&gt;</c>, <c>&lt;&lt; pipeline.… &gt;&gt;</c> and
    /// <c>&lt;&lt; matrix.x &gt;&gt;</c> replaced by underscores of the same length, so that shellcheck sees a plain
    /// word where CircleCI substitutes a value (and not a here-document); and every escaped <c>\&lt;&lt;</c> read back
    /// as the <c>&lt;&lt;</c> CircleCI runs, spelled <c> &lt;&lt;</c> so that shellcheck's columns still match the file.
    /// </summary>
    public static string WithoutParameters(string script) =>
        Placeholder().Replace(script, m => new string('_', m.Length)).Replace(@"\<<", " <<", StringComparison.Ordinal);

    private static void Collect(YamlNode? steps, string path, string where, string shell, List<RunScript> scripts)
    {
        if (steps is not YamlSequenceNode list)
        {
            return;
        }

        var index = 0;
        foreach (var step in list.Children)
        {
            index++;
            if (Entries(step) is not [var (key, _, value)])
            {
                continue;
            }

            if (key == "run")
            {
                var command = value as YamlScalarNode ?? Get(value, "command") as YamlScalarNode;
                if (command is not null)
                {
                    var (line, column) = RunScripts.TextStart(command);
                    var stepShell = Text(Get(value, "shell")) ?? shell;
                    scripts.Add(new RunScript(path, where, index, stepShell, command.Value ?? "", line, column) { Where = where });
                }
            }
            else if (key is "when" or "unless")
            {
                Collect(Get(value, "steps"), path, $"{where}, step {index} ({key})", shell, scripts);
            }
            else
            {
                // Arguments of a command: the only lists CircleCI parameters take are steps.
                foreach (var argument in Entries(value).Where(a => a.Value is YamlSequenceNode))
                {
                    Collect(argument.Value, path, $"{where}, step {index} argument '{argument.Key}'", shell, scripts);
                }
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)<<\s*(?:parameters|pipeline|matrix)\.[^<>]*?>>")]
    private static partial Regex Placeholder();
}
