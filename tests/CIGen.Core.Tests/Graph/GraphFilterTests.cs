using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Graphs;

public class GraphFilterTests
{
    private static readonly SourceLocation At = new(".cigen/x.yml", 1, 1);

    private static Step Run(string script, params string[] only) => new() { Kind = StepKind.Run, Run = script, Only = only, Source = At };

    private static CIGen.Protocol.Graph Sample() => new()
    {
        ConfigSource = ".cigen",
        Workflows =
        [
            new Workflow
            {
                Id = "ci",
                Source = At,
                Jobs = [new Job { Id = "a", Source = At, Steps = [Run("all"), Run("gh", "github"), Run("circle", "circleci"), Run("both", "circleci", "github")] }],
            },
        ],
        Commands = [new Command { Name = "setup", Source = At, Steps = [Run("gh", "github"), Run("all")] }],
    };

    [Fact]
    public void Steps_for_other_providers_are_dropped_from_jobs_and_commands()
    {
        var github = GraphFilter.ForProvider(Sample(), "github");

        github.Workflows[0].Jobs[0].Steps.Select(s => s.Run).Should().Equal("all", "gh", "both");
        github.Commands[0].Steps.Select(s => s.Run).Should().Equal("gh", "all");

        var circle = GraphFilter.ForProvider(Sample(), "circleci");
        circle.Workflows[0].Jobs[0].Steps.Select(s => s.Run).Should().Equal("all", "circle", "both");
        circle.Commands[0].Steps.Select(s => s.Run).Should().Equal("all");
    }

    [Fact]
    public void Provider_names_compare_in_canonical_form()
    {
        var graph = Sample() with
        {
            Workflows = [Sample().Workflows[0] with { Jobs = [new Job { Id = "a", Source = At, Steps = [Run("x", "github-actions")] }] }],
        };

        GraphFilter.ForProvider(graph, "github-actions").Workflows[0].Jobs[0].Steps.Should().HaveCount(1);
        GraphFilter.ForProvider(graph, "github").Workflows[0].Jobs[0].Steps.Should().HaveCount(1);
        GraphFilter.ForProvider(graph, "circleci").Workflows[0].Jobs[0].Steps.Should().BeEmpty();
    }

    [Fact]
    public void A_third_party_provider_sees_only_unrestricted_steps()
    {
        GraphFilter.ForProvider(Sample(), "woodpecker").Workflows[0].Jobs[0].Steps.Select(s => s.Run).Should().Equal("all");
    }
}
