using CIGen.Protocol;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Fixtures;

/// <summary>Runs the provider on a graph the way the host does.</summary>
internal static class Render
{
    public static GenerateResult Graph(Graph graph, GenerateOptions? options = null) =>
        new CircleCiProvider().Generate(new GenerateParams(graph, options ?? new GenerateOptions()), CancellationToken.None);

    /// <summary>
    /// The config's text, after checking the graph rendered without errors into the config and nothing else but cigen's
    /// runtime file beside it.
    /// </summary>
    public static string Config(Graph graph)
    {
        var result = Graph(graph);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        result.Files.Select(f => f.Path).Should().BeSubsetOf([".circleci/config.yml", ".circleci/cigen-runtime.sh"]).And.StartWith(".circleci/config.yml");
        return result.Files[0].Content;
    }

    /// <summary>The config of a one-workflow graph with these jobs.</summary>
    public static string Jobs(params Job[] jobs) => Config(G.Graph(G.Workflow("ci", jobs)));

    /// <summary>The diagnostics of a one-workflow graph with these jobs.</summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(params Job[] jobs) => Graph(G.Graph(G.Workflow("ci", jobs))).Diagnostics;

    /// <summary>The jobs the config's workflows run, by their names there, each with its workflow's arguments filled in.</summary>
    public static IReadOnlyDictionary<string, YamlMappingNode> Processed(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return CircleCiProcessedJobs.Of((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>The scalar at a path of keys and sequence indexes, e.g. <c>("environment", "ARCH")</c> or <c>("steps", 1, "run", "name")</c>.</summary>
    public static string? Value(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node).Children[index] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        }

        return ((YamlScalarNode)node).Value;
    }

    /// <summary>Every scalar of a node, keys and values, one per line: what a test searches for a word anywhere in a job.</summary>
    public static string Strings(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value + "\n",
        YamlSequenceNode sequence => string.Concat(sequence.Children.Select(Strings)),
        YamlMappingNode mapping => string.Concat(mapping.Children.Select(e => Strings(e.Key) + Strings(e.Value))),
        _ => "",
    };

    /// <summary>The lines of <paramref name="text"/> from the first one containing <paramref name="start"/> up to the next line indented less.</summary>
    public static string Section(string text, string start)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains(start, StringComparison.Ordinal));
        first.Should().BeGreaterThanOrEqualTo(0, $"the output contains '{start}':\n{text}");
        var indent = lines[first].Length - lines[first].TrimStart().Length;
        var end = first + 1;
        while (end < lines.Length && (lines[end].Length == 0 || lines[end].Length - lines[end].TrimStart().Length > indent))
        {
            end++;
        }

        while (end > first + 1 && lines[end - 1].Length == 0)
        {
            end--;
        }

        return string.Join('\n', lines[first..end]) + "\n";
    }

    /// <summary>The steps: section of the first job (under the top-level <c>jobs:</c>, not of a command).</summary>
    public static string Steps(string text)
    {
        var jobs = text.IndexOf("\njobs:\n", StringComparison.Ordinal);
        jobs.Should().BeGreaterThanOrEqualTo(0, $"the output has jobs:\n{text}");
        return Section(text[jobs..], "    steps:");
    }
}
