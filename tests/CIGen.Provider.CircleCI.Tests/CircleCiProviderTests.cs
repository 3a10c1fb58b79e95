using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests;

public class CircleCiProviderTests
{
    [Fact]
    public void Describes_itself_with_name_assembly_version_and_its_outputs()
    {
        var description = new CircleCiProvider().Describe();

        description.Name.Should().Be("circleci");
        description.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+").And.NotContain("+");
        description.Outputs.Should().Equal(".circleci/config.yml", ".circleci/continue.json", ".circleci/cigen-runtime.sh");
        description.Capabilities.Should().BeEmpty();
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() => new CircleCiProvider().Generate(new GenerateParams(G.Graph(), new GenerateOptions()), cancelled.Token))
            .Should().Throw<OperationCanceledException>();
    }
}
