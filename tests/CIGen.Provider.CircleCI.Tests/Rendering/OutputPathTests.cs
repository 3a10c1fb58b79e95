using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class OutputPathTests
{
    private static readonly Graph TwoWorkflows = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x"))), G.Workflow("docs", G.Job("b", G.Run("y"))));

    [Fact]
    public void Writes_every_workflow_into_one_circleci_config()
    {
        var result = Render.Graph(TwoWorkflows);

        result.Files.Should().ContainSingle().Which.Path.Should().Be(".circleci/config.yml");
        Render.Section(result.Files[0].Content, "workflows:").Should().Contain("\n  ci:\n").And.Contain("\n  docs:\n");
    }

    [Theory]
    [InlineData("ci/generated", null, "ci/generated/config.yml")]
    [InlineData("./out/", null, "out/config.yml")]
    [InlineData(".", null, "config.yml")]
    [InlineData(null, "circle.yml", ".circleci/circle.yml")]
    [InlineData("gen", "main.yaml", "gen/main.yaml")]
    public void Honours_output_path_and_output_filename(string? outputPath, string? outputFilename, string expected)
    {
        Render.Graph(TwoWorkflows, new GenerateOptions(outputPath, outputFilename)).Files.Single().Path.Should().Be(expected);
    }
}
