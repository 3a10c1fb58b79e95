using System.Runtime.CompilerServices;
using CIGen.Protocol;
using FluentAssertions;
using Xunit;

namespace CIGen.Testing.ProviderCases;

/// <summary>
/// The checks every provider passes on every <see cref="ProviderCase"/> whose config lists it: golden files, no error,
/// its warnings recorded, the same bytes every time, clean YAML text, and the provider's validators. A provider test
/// project derives one small class from this; adding a case is adding a folder under <c>tests/provider-cases/</c> and
/// accepting its golden files (<c>UPDATE_GOLDEN=1</c>).
/// </summary>
/// <remarks>
/// Golden files live in the derived project's <c>Golden/&lt;case&gt;/</c>: the output files at their paths, and
/// <see cref="WarningsFile"/> when the provider warns, so a new warning shows up in review like a changed line.
/// </remarks>
public abstract class ProviderCaseTests<TProvider>
    where TProvider : IProviderUnderTest
{
    public const string WarningsFile = "warnings.txt";

    private readonly string projectFile;

    /// <param name="projectFile">Any source file of the derived test project: its <c>Golden/</c> folder holds the golden files.</param>
    protected ProviderCaseTests([CallerFilePath] string projectFile = "") => this.projectFile = projectFile;

    public static TheoryData<string> Cases() => new(ProviderCase.For(TProvider.Name).Select(c => c.Name));

    /// <summary>The provider's output for a case, as <c>cigen generate</c> would get it.</summary>
    public static GenerateResult Render(ProviderCase providerCase) => TProvider.Generate(providerCase.Request(TProvider.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_files(string name)
    {
        var result = Render(ProviderCase.Named(name));

        foreach (var file in result.Files)
        {
            Golden.AssertMatches(file.Content, $"{name}/{file.Path}", projectFile);
        }

        var warnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(Describe).ToList();
        var warningsPath = $"{name}/{WarningsFile}";
        if (warnings.Count > 0)
        {
            Golden.AssertMatches(string.Concat(warnings.Select(w => w + "\n")), warningsPath, projectFile);
        }
        else if (Environment.GetEnvironmentVariable(Golden.UpdateVariable) == "1")
        {
            File.Delete(Golden.PathOf(warningsPath, projectFile));
        }
        else
        {
            File.Exists(Golden.PathOf(warningsPath, projectFile)).Should().BeFalse($"{TProvider.Name} no longer warns about case {name}; run with {Golden.UpdateVariable}=1");
        }
    }

    [Fact]
    public void Every_golden_folder_is_a_case_and_holds_only_what_the_case_generates()
    {
        var goldenRoot = Golden.PathOf("", projectFile);
        var cases = ProviderCase.For(TProvider.Name).ToList();

        Directory.EnumerateDirectories(goldenRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal(cases.Select(c => c.Name), "a case removed, or no longer listing this provider, leaves its golden folder behind");
        foreach (var providerCase in cases)
        {
            var expected = Render(providerCase).Files.Select(f => f.Path).Append(WarningsFile);
            var folder = Path.Combine(goldenRoot, providerCase.Name);
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Should().BeSubsetOf(expected, $"golden files of case {providerCase.Name} that it no longer generates are stale");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_without_errors(string name)
    {
        Render(ProviderCase.Named(name)).Diagnostics.Where(d => d.Severity == Severity.Error).Select(Describe).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_the_same_bytes_every_time(string name)
    {
        var providerCase = ProviderCase.Named(name);
        var first = Render(providerCase);
        var second = Render(providerCase);

        second.Files.Select(f => (f.Path, f.Content)).Should().Equal(first.Files.Select(f => (f.Path, f.Content)));
        second.Diagnostics.Should().Equal(first.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_has_no_trailing_whitespace_anchors_or_document_markers(string name)
    {
        foreach (var file in Render(ProviderCase.Named(name)).Files)
        {
            file.Content.Split('\n').Should().NotContain(l => l.EndsWith(' ') || l.EndsWith('\t'), file.Path);
            file.Content.Should().NotContain("\n...").And.NotContain("\n---").And.NotContain("\r").And.EndWith("\n");
            file.Content.Should().NotMatchRegex(@"(:|-) [&*][A-Za-z0-9]", "no anchors or aliases");
        }
    }

    [Fact]
    public void Every_case_passes_the_providers_validators()
    {
        // One batch for all cases: each tool starts once.
        TProvider.AssertValid(
            [.. ProviderCase.For(TProvider.Name).SelectMany(c => Render(c).Files.Select(f => new OutputFile($"{c.Name}/{f.Path}", f.Content)))]);
    }

    /// <summary>A diagnostic on one line, with where it points: what the warnings golden file holds.</summary>
    private static string Describe(Diagnostic d)
    {
        var file = d.File is null ? "" : $"{d.File}:{d.Line}:{d.Column} ";
        var job = d.Workflow is null ? "" : $"[{d.Workflow}{(d.Job is null ? "" : "/" + d.Job)}] ";
        return $"{d.Severity} {d.Code} {file}{job}{d.Message}";
    }
}
