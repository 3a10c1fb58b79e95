using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Tests.Yaml;

// YamlValues lives in CIGen.Provider.Sdk; its tests sit here, beside the YAML writer's, until the SDK has a test project.
public class YamlValuesTests
{
    // Eleven 10-character names, as in the needs: of a gate job waiting on eleven jobs: "[a, b, ...]" is 11 × 12 = 132 characters.
    private static List<string> ElevenJobs() => Enumerable.Range(1, 11).Select(i => $"check_{i:D4}").ToList();

    [Fact]
    public void A_list_of_up_to_132_characters_in_flow_form_stays_on_one_line()
    {
        var items = ElevenJobs();

        var node = YamlValues.List(items);

        node.Should().BeOfType<YamlFlowSequence>();
        YamlWriter.FlowText((YamlFlowSequence)node).Length.Should().Be(132);
        YamlWriter.Write(new YamlMapping { { "needs", node } }).Should().Be("needs: [" + string.Join(", ", items) + "]\n");
    }

    [Fact]
    public void A_list_longer_than_132_characters_in_flow_form_goes_one_item_per_line()
    {
        var items = ElevenJobs();
        items[^1] += "x";
        YamlWriter.FlowText(new YamlFlowSequence(items.Select(YamlScalar.String))).Length.Should().Be(133);

        var node = YamlValues.List(items);

        node.Should().BeOfType<YamlSequence>();
        YamlWriter.Write(new YamlMapping { { "needs", node } }).Should().Be("needs:\n" + string.Concat(items.Select(i => $"  - {i}\n")));
    }

    [Fact]
    public void One_item_is_a_scalar_and_several_short_ones_a_flow_list()
    {
        YamlWriter.Write(new YamlMapping { { "needs", YamlValues.OneOrList(["build"]) }, { "also", YamlValues.OneOrList(["a", "b"]) } })
            .Should().Be("needs: build\nalso: [a, b]\n");
    }
}
