using System.Text.Json.Nodes;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Support;

/// <summary>The graph as JSON without where things were written: what split and inline forms must agree on.</summary>
public static class GraphJson
{
    // A skippable job's hash script names its definition files, so it differs between the forms as they do.
    private static readonly string[] LocationProperties = ["source", "definitionFiles", "configSource", "hashScript"];

    public static string WithoutLocations(Graph graph)
    {
        var node = JsonNode.Parse(graph.Json())!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in LocationProperties)
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
