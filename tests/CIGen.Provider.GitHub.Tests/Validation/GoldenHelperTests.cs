using CIGen.Testing;
using Xunit.Sdk;

namespace CIGen.Provider.GitHub.Tests.Validation;

/// <summary>The golden-file helper must fail, and say how, when output changes.</summary>
public class GoldenHelperTests
{
    [Fact]
    public void Fails_with_a_diff_when_the_output_differs_from_the_golden_file()
    {
        if (Environment.GetEnvironmentVariable(Golden.UpdateVariable) == "1")
        {
            return; // Updating would overwrite the golden file this test compares against.
        }

        var golden = File.ReadAllText(Golden.PathOf("multi-workflow/.github/workflows/docs.yml"));

        FluentActions.Invoking(() => Golden.AssertMatches(golden.Replace("name: Docs", "name: Documentation"), "multi-workflow/.github/workflows/docs.yml"))
            .Should().Throw<XunitException>().Which.Message.Should()
            .Contain("UPDATE_GOLDEN=1").And.Contain("-name: Docs\n+name: Documentation\n");
        FluentActions.Invoking(() => Golden.AssertMatches(golden.Replace("\n", "\r\n"), "multi-workflow/.github/workflows/docs.yml"))
            .Should().NotThrow("line endings are normalised");
    }

    [Fact]
    public void Fails_when_the_golden_file_does_not_exist()
    {
        if (Environment.GetEnvironmentVariable(Golden.UpdateVariable) == "1")
        {
            return;
        }

        FluentActions.Invoking(() => Golden.AssertMatches("x", "no/such/file.yml"))
            .Should().Throw<XunitException>().WithMessage("*does not exist*UPDATE_GOLDEN=1*");
    }

    [Fact]
    public void Finds_golden_files_in_the_source_tree_of_the_calling_project()
    {
        Golden.PathOf("x.yml").Should().Be(Path.Combine(RepositoryPaths.Root, "tests", "CIGen.Provider.GitHub.Tests", "Golden", "x.yml"));
    }
}
