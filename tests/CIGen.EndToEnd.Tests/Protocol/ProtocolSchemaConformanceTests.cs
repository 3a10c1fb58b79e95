using System.Text.Json;
using System.Text.Json.Nodes;
using CIGen.Core.Config;
using CIGen.Core.Graphs;
using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Validation;

namespace CIGen.EndToEnd.Tests.Protocol;

/// <summary>
/// docs/protocol.schema.json describes what the host really sends: every request the host builds for the shipped examples
/// and the test fixtures validates against it (ajv, draft 2020-12), and a step, condition or key part that mixes two
/// kinds' fields does not. A third party who validates against the schema accepts exactly cigen's messages.
/// </summary>
public class ProtocolSchemaConformanceTests
{
    private static IEnumerable<string> Projects()
    {
        var root = RepositoryPaths.Root;
        var examples = Directory.GetDirectories(Path.Combine(root, "examples"));
        var fixtures = Path.Combine(root, "tests", "CIGen.EndToEnd.Tests", "Fixtures");
        var real = Directory.Exists(Path.Combine(fixtures, "real")) ? Directory.GetDirectories(Path.Combine(fixtures, "real")) : [];
        return [root, .. examples, .. real, .. new[] { "protocol-example", "caching", "cargo", "parity" }.Select(f => Path.Combine(fixtures, f))];
    }

    [Fact]
    public void Every_request_the_host_builds_for_the_examples_and_fixtures_matches_the_schema()
    {
        var messages = new List<(string, string, string)>();
        foreach (var project in Projects())
        {
            if (ConfigLocator.Find(project, null) is not { } location || ConfigLoader.Load(location) is not { Graph: { } graph })
            {
                continue;
            }

            foreach (var provider in new[] { "github", "circleci" })
            {
                var request = new GenerateParams(GraphFilter.ForProvider(graph, provider), new GenerateOptions());
                messages.Add(("GenerateParams", $"{Path.GetRelativePath(RepositoryPaths.Root, project)}/{provider}",
                    JsonSerializer.Serialize(request, ProtocolJsonContext.Default.GenerateParams)));
            }
        }

        messages.Count.Should().BeGreaterThanOrEqualTo(16, "the examples and fixtures give requests to check");
        ProtocolSchemaValidator.Run(messages).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"kind":"run","run":"make","uses":"actions/checkout@v4","source":{"file":"a","line":1,"column":1}}""", "a run step with a uses step's field")]
    [InlineData("""{"kind":"teleport","source":{"file":"a","line":1,"column":1}}""", "a step kind the protocol does not have")]
    [InlineData("""{"run":"make","source":{"file":"a","line":1,"column":1}}""", "a step without a kind")]
    [InlineData("""{"kind":"run","source":{"file":"a","line":1,"column":1}}""", "a run step without its script")]
    public void A_step_of_no_kind_or_of_two_kinds_does_not_match(string step, string because)
    {
        var request = RequestWith(step, condition: null);

        ProtocolSchemaValidator.Run([("GenerateParams", "bad", request)]).Should().NotBeEmpty(because);
    }

    [Theory]
    [InlineData("""{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"main"}}""", true)]
    [InlineData("""{"kind":"eq","left":{"kind":"ref","name":"branch"}}""", false)]
    [InlineData("""{"kind":"literal","text":"x","name":"y"}""", false)]
    [InlineData("""{"eq":[{"ref":"branch"},{"literal":"main"}]}""", false)]
    public void A_condition_matches_only_with_its_kind_s_fields(string condition, bool matches)
    {
        var request = RequestWith("""{"kind":"checkout","source":{"file":"a","line":1,"column":1}}""", condition);

        var findings = ProtocolSchemaValidator.Run([("GenerateParams", "condition", request)]);

        (findings.Count == 0).Should().Be(matches, string.Join("\n", findings.Select(f => f.Message)));
    }

    private static string RequestWith(string step, string? condition)
    {
        var job = new JsonObject
        {
            ["id"] = "a",
            ["source"] = new JsonObject { ["file"] = "a", ["line"] = 1, ["column"] = 1 },
            ["steps"] = new JsonArray(JsonNode.Parse(step)),
        };
        if (condition is not null)
        {
            job["condition"] = JsonNode.Parse(condition);
        }

        var workflow = new JsonObject { ["id"] = "ci", ["source"] = new JsonObject { ["file"] = "a", ["line"] = 1, ["column"] = 1 }, ["jobs"] = new JsonArray(job) };
        return new JsonObject
        {
            ["graph"] = new JsonObject { ["configSource"] = ".cigen", ["workflows"] = new JsonArray(workflow) },
            ["options"] = new JsonObject(),
        }.ToJsonString();
    }
}
