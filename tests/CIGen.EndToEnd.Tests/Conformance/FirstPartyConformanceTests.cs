namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>The providers cigen ships, and the Python provider written from docs/protocol.md alone, pass every rule.</summary>
public sealed class FirstPartyConformanceTests : ConformanceTestBase
{
    [Theory]
    [InlineData("github")]
    [InlineData("github-actions")]
    [InlineData("circleci")]
    public void A_first_party_provider_passes_every_rule(string name)
    {
        var result = Check(name);

        ShouldPassEveryRule(result, name == "github-actions" ? "github" : name);
        result.Error.Should().Contain("against the sample graphs delivery, matrices, split");
    }

    [Fact]
    public void The_Python_provider_passes_every_rule_found_by_name()
    {
        Python();

        ShouldPassEveryRule(Check("python"), "python");
    }

    [Fact]
    public void The_Python_provider_passes_every_rule_given_by_a_relative_path()
    {
        var path = Python("mine");

        ShouldPassEveryRule(Check(Path.GetRelativePath(Project.Path, path)), "mine");
    }

    [Fact]
    public void The_report_is_the_same_on_every_run()
    {
        Python();

        Check("python").Output.Should().Be(Check("python").Output);
    }

    [Fact]
    public void An_unknown_provider_is_reported_and_nothing_is_checked()
    {
        var result = Check("nosuch");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Error.Should().Contain("error CIG110: provider 'nosuch' not found");
        result.Output.Should().BeEmpty();
    }
}
