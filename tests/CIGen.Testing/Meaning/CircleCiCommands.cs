using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Meaning;

/// <summary>
/// A CircleCI 2.1 config as CircleCI runs it: every use of a command of its <c>commands:</c> (in jobs, in commands,
/// in <c>when</c>/<c>unless</c> steps) replaced by the command's steps with <c>&lt;&lt; parameters.x &gt;&gt;</c>
/// substituted — the use's arguments, else the parameters' defaults — so tests can read and run the steps a job runs.
/// </summary>
public static class CircleCiCommands
{
    /// <summary>Cigen's own commands (<c>cigen_…</c>), which tests read as the steps they are.</summary>
    public static bool IsCigens(string name) => name.StartsWith("cigen_", StringComparison.Ordinal);

    /// <summary>The other commands — the user's, and the runs of steps several jobs share (written once by the provider) — which tests read in place.</summary>
    public static bool IsNotCigens(string name) => !IsCigens(name);

    /// <param name="inlined">Which commands to inline (all when null); the others stay defined and used by name.</param>
    public static string Inline(string configText, Func<string, bool>? inlined = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(configText));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var all = root.Children.TryGetValue(new YamlScalarNode("commands"), out var c) ? (YamlMappingNode)c : new YamlMappingNode();
        var defined = new YamlMappingNode(all.Children.Where(e => inlined is null || inlined(((YamlScalarNode)e.Key).Value!)));
        if (root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobs))
        {
            foreach (var (_, job) in ((YamlMappingNode)jobs).Children)
            {
                if (job is YamlMappingNode definition && definition.Children.TryGetValue(new YamlScalarNode("steps"), out var steps))
                {
                    definition.Children[new YamlScalarNode("steps")] = Expand((YamlSequenceNode)steps, defined, new Dictionary<string, string>());
                }
            }
        }

        foreach (var (name, _) in defined.Children)
        {
            all.Children.Remove(name);
        }

        if (all.Children.Count == 0)
        {
            root.Children.Remove(new YamlScalarNode("commands"));
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlSequenceNode Expand(YamlSequenceNode steps, YamlMappingNode defined, IReadOnlyDictionary<string, string> parameters)
    {
        var expanded = new YamlSequenceNode();
        foreach (var step in steps)
        {
            var (kind, body) = step is YamlMappingNode map ? map.Children.Single() : new(step, new YamlMappingNode());
            if (defined.Children.TryGetValue(kind, out var used))
            {
                var command = (YamlMappingNode)used;
                var arguments = CircleCiPipeline.Arguments(command, body as YamlMappingNode, parameters);
                foreach (var inner in Expand((YamlSequenceNode)command["steps"], defined, arguments))
                {
                    expanded.Add(inner);
                }
            }
            else if (((YamlScalarNode)kind).Value is "when" or "unless" && body is YamlMappingNode conditional)
            {
                var copy = (YamlMappingNode)Substitute(conditional, parameters);
                copy.Children[new YamlScalarNode("steps")] = Expand((YamlSequenceNode)conditional["steps"], defined, parameters);
                expanded.Add(new YamlMappingNode(kind, copy));
            }
            else
            {
                expanded.Add(Substitute(step, parameters));
            }
        }

        return expanded;
    }

    private static YamlNode Substitute(YamlNode node, IReadOnlyDictionary<string, string> parameters) => parameters.Count == 0 ? node : node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value is null ? null : CircleCiPipeline.WithArguments(scalar.Value, parameters)) { Style = scalar.Style, Tag = scalar.Tag },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Select(n => Substitute(n, parameters))),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(e => new KeyValuePair<YamlNode, YamlNode>(e.Key, Substitute(e.Value, parameters)))),
        _ => node,
    };
}
