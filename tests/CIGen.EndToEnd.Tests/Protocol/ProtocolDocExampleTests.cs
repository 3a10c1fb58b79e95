using System.Text.Json;
using System.Text.Json.Nodes;
using CIGen.Core.Config;
using CIGen.Core.Graphs;
using CIGen.Protocol;
using CIGen.Testing;

namespace CIGen.EndToEnd.Tests.Protocol;

/// <summary>docs/protocol.md's complete example is what the host really sends for its fixture config, so it cannot rot.</summary>
public class ProtocolDocExampleTests
{
    [Fact]
    public void The_complete_example_in_the_protocol_doc_is_the_request_the_host_builds()
    {
        var project = Path.Combine(RepositoryPaths.Root, "tests", "CIGen.EndToEnd.Tests", "Fixtures", "protocol-example");
        var location = ConfigLocator.Find(project, null)!;
        var loaded = ConfigLoader.Load(location);
        loaded.Diagnostics.Should().BeEmpty();
        var request = new GenerateParams(GraphFilter.ForProvider(loaded.Graph!, "dump"), new GenerateOptions());
        var sent = JsonNode.Parse(JsonSerializer.Serialize(request, ProtocolJsonContext.Default.GenerateParams));

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var path = Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");
            var doc = File.ReadAllText(path);
            File.WriteAllText(path, doc.Replace(DocumentedExample(), sent!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), StringComparison.Ordinal));
        }

        var documented = JsonNode.Parse(DocumentedExample());

        JsonNode.DeepEquals(documented, sent).Should().BeTrue(
            "docs/protocol.md §6 'A complete example' must equal the request; regenerate it from this fixture. Host sends:\n"
            + sent!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string DocumentedExample()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "protocol.md"));
        var section = doc.IndexOf("### A complete example", StringComparison.Ordinal);
        var start = doc.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = doc.IndexOf("\n```", start, StringComparison.Ordinal);
        return doc[start..end];
    }
}
