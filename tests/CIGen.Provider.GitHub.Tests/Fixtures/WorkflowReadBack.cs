using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>A written workflow parsed back, to assert on jobs and steps by meaning rather than by layout.</summary>
internal sealed class WorkflowReadBack
{
    private readonly YamlMappingNode root;

    public WorkflowReadBack(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public IReadOnlyList<string> JobIds => [.. Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    public YamlMappingNode Job(string id) => (YamlMappingNode)Jobs.Children[new YamlScalarNode(id)];

    public static string? Text(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    public static YamlMappingNode? Mapping(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (YamlMappingNode)node : null;

    /// <summary>A key holding one item or a list, as a list (<c>needs</c>, <c>runs-on</c>).</summary>
    public static IReadOnlyList<string> List(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node is YamlSequenceNode items ? [.. items.Children.Select(i => ((YamlScalarNode)i).Value!)] : [((YamlScalarNode)node).Value!]
            : [];

    public static IReadOnlyDictionary<string, string> Pairs(YamlMappingNode? mapping) =>
        mapping is null ? new Dictionary<string, string>()
        : mapping.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);

    public static IReadOnlyList<string> Keys(YamlMappingNode? mapping) =>
        mapping is null ? [] : [.. mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) =>
        [.. ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];

    public static YamlMappingNode Step(YamlMappingNode job, string id) => Steps(job).Single(s => Text(s, "id") == id);

    public IEnumerable<YamlMappingNode> AllSteps => JobIds.SelectMany(id => Steps(Job(id)));

    private YamlMappingNode Jobs => (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
}
