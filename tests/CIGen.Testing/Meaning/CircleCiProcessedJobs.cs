using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Meaning;

/// <summary>
/// The jobs a CircleCI config's workflows run, as CircleCI processes them: each workflow job by its name there (its
/// <c>name:</c>, else the job's), with the arguments the workflow passes written into the definition's
/// <c>&lt;&lt; parameters.x &gt;&gt;</c> (or the parameters' defaults) and its <c>parameters:</c> gone. Approval jobs have no definition.
/// </summary>
public static class CircleCiProcessedJobs
{
    public static IReadOnlyDictionary<string, YamlMappingNode> Of(YamlMappingNode root)
    {
        var jobs = (YamlMappingNode)root["jobs"];
        var processed = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var workflow in ((YamlMappingNode)root["workflows"]).Children.Values.OfType<YamlMappingNode>())
        {
            foreach (var entry in ((YamlSequenceNode)workflow["jobs"]).Children)
            {
                var (job, settings) = entry is YamlMappingNode map ? map.Children.Single() : new(entry, null!);
                if (!jobs.Children.TryGetValue(job, out var definition))
                {
                    continue;
                }

                var name = settings is YamlMappingNode s && s.Children.TryGetValue(new YamlScalarNode("name"), out var alias)
                    ? ((YamlScalarNode)alias).Value! : ((YamlScalarNode)job).Value!;
                var body = (YamlMappingNode)definition;
                var arguments = CircleCiPipeline.Arguments(body, settings as YamlMappingNode, new Dictionary<string, string>());
                processed.TryAdd(name, (YamlMappingNode)Filled(body, arguments, top: true));
            }
        }

        return processed;
    }

    private static YamlNode Filled(YamlNode node, IReadOnlyDictionary<string, string> arguments, bool top = false) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(CircleCiPipeline.WithArguments(scalar.Value ?? "", arguments)) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(c => Filled(c, arguments))),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children
            .Where(e => !(top && ((YamlScalarNode)e.Key).Value == "parameters"))
            .Select(e => new KeyValuePair<YamlNode, YamlNode>(e.Key, Filled(e.Value, arguments)))),
        _ => node,
    };
}
