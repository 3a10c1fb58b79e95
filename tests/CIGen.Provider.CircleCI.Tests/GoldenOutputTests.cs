using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.CircleCI.Tests;

/// <summary>Whole outputs of realistic graphs: golden files, CircleCI's schema and semantic checks, determinism.</summary>
public class GoldenOutputTests
{
    public static TheoryData<SampleGraphs.Sample> Samples() => new(SampleGraphs.All);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Output_matches_the_golden_files(SampleGraphs.Sample sample)
    {
        var result = Render.Graph(sample.Graph);

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => $"{d.Severity} {d.Code}")
            .Should().Equal(sample.Warnings.Select(code => $"{Severity.Warning} {code}"));
        foreach (var file in result.Files)
        {
            Golden.AssertMatches(file.Content, $"{sample.Name}/{file.Path}");
        }
    }

    [Fact]
    public void Every_sample_passes_circlecis_schema_semantic_checks_and_shellcheck()
    {
        // One batch for all samples: one node process, one shellcheck run per shell.
        var files = SampleGraphs.All.SelectMany(s => Render.Graph(s.Graph).Files.Select(f => new OutputFile($"{s.Name}/{f.Path}", f.Content)));

        Validators.AssertValidCircleCiConfigs(files);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Renders_the_same_bytes_every_time(SampleGraphs.Sample sample)
    {
        var first = Render.Graph(sample.Graph);
        var second = Render.Graph(sample.Graph);

        second.Files.Select(f => (f.Path, f.Content)).Should().Equal(first.Files.Select(f => (f.Path, f.Content)));
        second.Diagnostics.Should().Equal(first.Diagnostics);
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
