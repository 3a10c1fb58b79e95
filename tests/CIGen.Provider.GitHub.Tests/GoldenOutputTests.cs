using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Yaml;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests;

/// <summary>Whole outputs of realistic graphs: golden files, GitHub's validators, parse-back and determinism.</summary>
public class GoldenOutputTests
{
    public static TheoryData<SampleGraphs.Sample> Samples() => new(SampleGraphs.All);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Output_matches_the_golden_files(SampleGraphs.Sample sample)
    {
        var result = Render.Graph(sample.Graph);

        result.Diagnostics.Should().BeEmpty();
        foreach (var file in result.Files)
        {
            Golden.AssertMatches(file.Content, $"{sample.Name}/{file.Path}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Output_reads_back_as_the_workflow_model(SampleGraphs.Sample sample)
    {
        foreach (var workflow in sample.Graph.Workflows)
        {
            var document = WorkflowRenderer.Document(sample.Graph, workflow, new DiagnosticBag(GitHubProvider.Name)).ToYaml();

            YamlReadBack.AssertMeans(document, YamlWriter.Write(document));
        }
    }

    [Fact]
    public void Every_sample_passes_actionlint_githubs_parser_and_shellcheck()
    {
        // One batch for all samples: one node process, one shellcheck run per shell.
        var files = SampleGraphs.All.SelectMany(s => Render.Graph(s.Graph).Files.Select(f => new OutputFile($"{s.Name}/{f.Path}", f.Content)));

        Validators.AssertValidGitHubWorkflows(files);
    }

    [Fact]
    public void Output_has_no_trailing_whitespace_anchors_or_document_markers()
    {
        foreach (var file in SampleGraphs.All.SelectMany(s => Render.Graph(s.Graph).Files))
        {
            file.Content.Split('\n').Should().NotContain(l => l.EndsWith(' ') || l.EndsWith('\t'));
            file.Content.Should().NotContain("\n...").And.NotContain("\n---").And.NotContain("\r").And.EndWith("\n");
            file.Content.Should().NotMatchRegex(@"(:|-) [&*][A-Za-z0-9]", "no anchors or aliases");
        }
    }
}
