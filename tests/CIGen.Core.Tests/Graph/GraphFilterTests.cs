using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Graphs;

public class GraphFilterTests
{
    private static readonly SourceLocation At = new(".cigen/x.yml", 1, 1);

    private static Step Run(string script, params string[] only) => new RunStep { Run = script, Only = only, Source = At };

    private static CIGen.Protocol.Graph Sample() => new()
    {
        ConfigSource = ".cigen",
        Workflows =
        [
            new Workflow
            {
                Id = "ci",
                Source = At,
                Jobs = [new Job { Id = "a", Source = At, Checkout = false, Steps = [Run("all"), Run("gh", "github"), Run("circle", "circleci"), Run("both", "circleci", "github")] }],
            },
        ],
        Commands = [new Command { Name = "setup", Source = At, Steps = [Run("gh", "github"), Run("all")] }],
    };

    [Fact]
    public void Steps_for_other_providers_are_dropped_from_jobs_and_commands()
    {
        var github = GraphFilter.ForProvider(Sample(), "github");

        github.Workflows[0].Jobs[0].Steps.Select(s => ((RunStep)s).Run).Should().Equal("all", "gh", "both");
        github.Commands[0].Steps.Select(s => ((RunStep)s).Run).Should().Equal("gh", "all");

        var circle = GraphFilter.ForProvider(Sample(), "circleci");
        circle.Workflows[0].Jobs[0].Steps.Select(s => ((RunStep)s).Run).Should().Equal("all", "circle", "both");
        circle.Commands[0].Steps.Select(s => ((RunStep)s).Run).Should().Equal("all");
    }

    [Fact]
    public void Provider_names_compare_in_canonical_form()
    {
        var graph = Sample() with
        {
            Workflows = [Sample().Workflows[0] with { Jobs = [new Job { Id = "a", Source = At, Checkout = false, Steps = [Run("x", "github-actions")] }] }],
        };

        GraphFilter.ForProvider(graph, "github-actions").Workflows[0].Jobs[0].Steps.Should().HaveCount(1);
        GraphFilter.ForProvider(graph, "github").Workflows[0].Jobs[0].Steps.Should().HaveCount(1);
        GraphFilter.ForProvider(graph, "circleci").Workflows[0].Jobs[0].Steps.Should().BeEmpty();
    }

    [Fact]
    public void A_third_party_provider_sees_only_unrestricted_steps()
    {
        GraphFilter.ForProvider(Sample(), "woodpecker").Workflows[0].Jobs[0].Steps.Select(s => ((RunStep)s).Run).Should().Equal("all");
    }

    private static CIGen.Protocol.Graph WithJob(Job job, params Command[] commands) => Sample() with
    {
        Workflows = [Sample().Workflows[0] with { Jobs = [job] }],
        Commands = commands,
    };

    private static Job JobWith(params Step[] steps) => new() { Id = "build", Source = new SourceLocation(".cigen/build.yml", 1, 1), Steps = steps };

    [Fact]
    public void A_job_gets_a_checkout_step_first_located_at_the_job()
    {
        var steps = GraphFilter.ForProvider(WithJob(JobWith(Run("make"))), "github").Workflows[0].Jobs[0].Steps;

        steps.Select(s => s.Kind).Should().Equal(StepKind.Checkout, StepKind.Run);
        steps[0].Source.Should().Be(new SourceLocation(".cigen/build.yml", 1, 1));
    }

    [Fact]
    public void No_checkout_is_added_when_the_job_opts_out_is_an_approval_or_checks_out_itself()
    {
        Job[] jobs =
        [
            JobWith(Run("make")) with { Checkout = false },
            JobWith() with { Type = "approval" },
            JobWith(Run("prepare"), new CheckoutStep { Source = At }),
            JobWith(new UsesStep { Uses = "actions/checkout@v4", Source = At }, Run("make")),
            JobWith(new CommandStep { Command = "fetch", Source = At }),
        ];
        var fetch = new Command { Name = "fetch", Source = At, Steps = [new CommandStep { Command = "inner", Source = At }] };
        var inner = new Command { Name = "inner", Source = At, Steps = [new CheckoutStep { Source = At }] };

        foreach (var job in jobs)
        {
            GraphFilter.ForProvider(WithJob(job, fetch, inner), "github").Workflows[0].Jobs[0].Steps.Should().Equal(job.Steps, job.Id);
        }
    }

    [Fact]
    public void A_checkout_limited_to_another_provider_does_not_count_for_this_one()
    {
        var job = JobWith(new UsesStep { Uses = "actions/checkout@v4", Only = ["github-actions"], Source = At }, Run("make"));

        GraphFilter.ForProvider(WithJob(job), "github").Workflows[0].Jobs[0].Steps.Select(s => s.Kind).Should().Equal(StepKind.Uses, StepKind.Run);
        GraphFilter.ForProvider(WithJob(job), "circleci").Workflows[0].Jobs[0].Steps.Select(s => s.Kind).Should().Equal(StepKind.Checkout, StepKind.Run);
    }
}
