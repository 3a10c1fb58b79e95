using CIGen.Core.Generation;
using CIGen.Core.Output;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Output;

public class OutputAssemblerTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "assembler-root");

    private static OutputAssembler.Result Assemble(params ProviderFiles[] outputs) => OutputAssembler.Assemble(outputs, Root, ".cigen");

    [Fact]
    public void Files_from_all_providers_are_rendered_and_sorted_by_path()
    {
        var result = Assemble(
            new ProviderFiles("github", [new OutputFile(".github/workflows/z.yml", "z: 1"), new OutputFile(".github/workflows/a.yml", "a: 1")]),
            new ProviderFiles("circleci", [new OutputFile(".circleci/config.yml", "version: 2.1")]));

        result.Errors.Should().BeEmpty();
        result.Files.Select(f => f.Path).Should().Equal(".circleci/config.yml", ".github/workflows/a.yml", ".github/workflows/z.yml");
        result.Files[0].Should().Be(new GeneratedFile(
            ".circleci/config.yml", GeneratedContent.Header(".cigen") + "version: 2.1\n", "circleci"));
    }

    [Fact]
    public void Every_bad_path_is_reported_and_then_no_file_is_returned()
    {
        var result = Assemble(new ProviderFiles("bad", [
            new OutputFile("../x.yml", "x"),
            new OutputFile("/tmp/x.yml", "x"),
            new OutputFile("fine.yml", "x"),
        ]));

        result.Files.Should().BeEmpty();
        result.Errors.Select(e => e.Code).Should().Equal(GenerationCodes.InvalidOutputPath, GenerationCodes.InvalidOutputPath);
        result.Errors[0].Message.Should().Be("provider 'bad' returned the path '../x.yml': it has a '..' segment; files must stay inside the output root.");
        result.Errors[1].Message.Should().Contain("'/tmp/x.yml': it is absolute");
        result.Errors.Should().OnlyContain(e => e.Severity == Severity.Error);
    }

    [Fact]
    public void A_path_returned_twice_by_one_provider_is_an_error()
    {
        var result = Assemble(new ProviderFiles("github", [new OutputFile("a.yml", "1"), new OutputFile("a.yml", "2")]));

        result.Files.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error, GenerationCodes.DuplicateOutputPath, "provider 'github' returned 'a.yml' twice."));
    }

    [Fact]
    public void Two_providers_writing_the_same_path_even_in_another_case_is_an_error()
    {
        var result = Assemble(
            new ProviderFiles("one", [new OutputFile("ci/Config.yml", "1")]),
            new ProviderFiles("two", [new OutputFile("ci/config.yml", "2")]));

        result.Files.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.Message.Should().Be(
            "providers 'one' and 'two' both write 'ci/config.yml'; a file has one writer: generate with one of them per output directory (--provider NAME --output DIR).");
    }

    [Fact]
    public void A_file_without_content_is_an_error()
    {
        var result = Assemble(new ProviderFiles("p", [new OutputFile("a.yml", null!)]));

        result.Errors.Should().ContainSingle().Which.Code.Should().Be(GenerationCodes.InvalidOutputFile);
    }
}
