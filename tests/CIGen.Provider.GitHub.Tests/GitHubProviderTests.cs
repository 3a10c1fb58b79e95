using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Tests;

public class GitHubProviderTests
{
    [Fact]
    public void Describes_itself_with_name_assembly_version_and_owned_outputs()
    {
        var description = new GitHubProvider().Describe();

        description.Name.Should().Be("github");
        description.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+").And.NotContain("+");
        description.Outputs.Should().Equal(".github/workflows/*.yml", ".github/actions/cigen/action.yml", ".github/actions/cigen/cigen-runtime.sh", ".github/actions/cigen-*/action.yml");
        description.Capabilities.Should().Contain(["workflows", "run", "uses", "commands"]);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() => new GitHubProvider().Generate(new GenerateParams(G.Graph(), new GenerateOptions()), cancelled.Token))
            .Should().Throw<OperationCanceledException>();
    }
}
