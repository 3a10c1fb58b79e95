using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class OutputPathTests
{
    private static readonly Graph TwoWorkflows = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x"))), G.Workflow("docs", G.Job("b", G.Run("y"))));

    [Fact]
    public void Writes_one_file_per_workflow_under_github_workflows_in_workflow_order()
    {
        Render.Graph(TwoWorkflows).Files.Select(f => f.Path).Should().Equal(".github/workflows/ci.yml", ".github/workflows/docs.yml");
    }

    [Theory]
    [InlineData("ci/generated", "ci/generated/ci.yml")]
    [InlineData("./out/", "out/ci.yml")]
    [InlineData(".", "ci.yml")]
    public void Replaces_the_directory_with_output_path(string outputPath, string expected)
    {
        Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")))), new GenerateOptions(OutputPath: outputPath))
            .Files.Single().Path.Should().Be(expected);
    }

    [Fact]
    public void Names_the_only_workflows_file_with_output_filename()
    {
        Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")))), new GenerateOptions(OutputFilename: "main.yml"))
            .Files.Single().Path.Should().Be(".github/workflows/main.yml");
        Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")))), new GenerateOptions("gen", "main.yaml"))
            .Files.Single().Path.Should().Be("gen/main.yaml");
    }

    [Fact]
    public void Reports_output_filename_with_several_workflows_as_an_error_and_writes_nothing()
    {
        var result = Render.Graph(TwoWorkflows, new GenerateOptions(OutputFilename: "all.yml"));

        result.Files.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "github.output-filename-needs-one-workflow" && d.Message.Contains("(ci, docs)"));
    }
}
