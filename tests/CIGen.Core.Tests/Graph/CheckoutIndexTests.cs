using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Graphs;

/// <summary>
/// <see cref="Job.CheckoutIndex"/>, the one answer to "which step is the job's first checkout" that every provider
/// follows (docs/protocol.md, Job): one case per rule.
/// </summary>
public class CheckoutIndexTests
{
    private static readonly SourceLocation At = new(".cigen/x.yml", 1, 1);

    private static Step Run(string script, params string[] only) => new RunStep { Run = script, Only = only, Source = At };

    private static Step Checkout(params string[] only) => new CheckoutStep { Only = only, Source = At };

    private static Step Uses(string action, params string[] only) => new UsesStep { Uses = action, Only = only, Source = At };

    private static Step Use(string command) => new CommandStep { Command = command, Source = At };

    private static Command Command(string name, params Step[] steps) => new() { Name = name, Source = At, Steps = steps };

    private static int? Index(Job job, string provider = "github", params Command[] commands) =>
        GraphFilter.ForProvider(Graph(job, commands), provider).Workflows[0].Jobs[0].CheckoutIndex;

    private static CIGen.Protocol.Graph Graph(Job job, Command[] commands) => new()
    {
        ConfigSource = ".cigen",
        Workflows = [new Workflow { Id = "ci", Source = At, Jobs = [job] }],
        Commands = commands,
    };

    private static Job JobWith(params Step[] steps) => new() { Id = "build", Source = At, Steps = steps };

    [Fact]
    public void The_automatic_checkout_is_step_0()
    {
        Index(JobWith(Run("make"))).Should().Be(0);
    }

    [Fact]
    public void A_checkout_step_of_the_user_counts_where_it_is()
    {
        Index(JobWith(Run("prepare"), Run("more"), Checkout(), Run("make"))).Should().Be(2);
    }

    [Theory]
    [InlineData("actions/checkout@v4")]
    [InlineData("actions/checkout")]
    [InlineData("Actions/Checkout@v5")]
    public void A_use_of_GitHubs_checkout_action_counts(string action)
    {
        Index(JobWith(Run("prepare"), Uses(action), Run("make"))).Should().Be(1);
    }

    [Fact]
    public void Another_action_is_no_checkout()
    {
        Index(JobWith(Uses("actions/setup-node@v4"), Run("make")) with { Checkout = false }).Should().BeNull();
    }

    [Fact]
    public void A_use_of_a_command_that_checks_out_counts_as_a_whole()
    {
        var fetch = Command("fetch", Run("before"), Checkout(), Run("after"));

        Index(JobWith(Run("prepare"), Use("fetch"), Run("make")), "github", fetch).Should().Be(1);
        Index(JobWith(Run("prepare"), Use("fetch"), Run("make")), "circleci", fetch).Should().Be(1);
    }

    [Fact]
    public void A_command_counts_when_a_command_it_uses_checks_out_at_any_depth()
    {
        var outer = Command("outer", Run("a"), Use("middle"));
        var middle = Command("middle", Use("inner"));
        var inner = Command("inner", Uses("actions/checkout@v4"));

        Index(JobWith(Run("prepare"), Run("more"), Use("outer"), Run("make")), "github", outer, middle, inner).Should().Be(2);
    }

    [Fact]
    public void A_command_without_a_checkout_does_not_count()
    {
        var lint = Command("lint", Run("make lint"));

        Index(JobWith(Use("lint"), Run("make")), "github", lint).Should().Be(0, "the automatic checkout goes first");
        Index(JobWith(Use("lint"), Run("make")) with { Checkout = false }, "github", lint).Should().BeNull();
    }

    [Fact]
    public void A_job_without_a_checkout_has_none()
    {
        Index(JobWith(Run("make")) with { Checkout = false }).Should().BeNull();
        Index(new Job { Id = "gate", Source = At, Type = "approval" }).Should().BeNull();
    }

    [Fact]
    public void A_condition_on_the_checkout_does_not_move_the_index()
    {
        var conditional = Checkout() with { If = "github.ref == 'refs/heads/main'" };

        Index(JobWith(Run("prepare"), conditional, Run("make"))).Should().Be(1);
    }

    [Fact]
    public void Only_the_checkouts_a_provider_keeps_count_for_it()
    {
        var job = JobWith(Run("prepare", "circleci"), Uses("actions/checkout@v4", "github-actions"), Checkout("circleci"), Run("make")) with { Checkout = false };

        Index(job, "github").Should().Be(0, "github keeps the action, first of its steps");
        Index(job, "circleci").Should().Be(1, "circleci keeps its own prepare step and checkout");
        Index(job, "woodpecker").Should().BeNull("a third provider keeps neither");
    }

    [Fact]
    public void A_command_whose_checkout_is_for_another_provider_does_not_count_for_this_one()
    {
        var fetch = Command("fetch", Uses("actions/checkout@v4", "github-actions"), Run("git fetch --tags"));
        var job = JobWith(Run("prepare"), Use("fetch"), Run("make")) with { Checkout = false };

        Index(job, "github", fetch).Should().Be(1);
        Index(job, "circleci", fetch).Should().BeNull();
    }

    [Fact]
    public void The_index_counts_the_steps_the_host_placed_after_the_checkout_and_before_it()
    {
        var setup = new SetupPackageStep { FollowsCheckout = true, Package = new PackageUse { Name = "node" }, Source = At };
        var job = JobWith(Run("prepare"), setup, Checkout(), Run("make"));

        var filtered = GraphFilter.ForProvider(Graph(job, []), "github").Workflows[0].Jobs[0];

        filtered.Steps.Select(s => s.Kind).Should().Equal(StepKind.Run, StepKind.Checkout, StepKind.SetupPackage, StepKind.Run);
        filtered.CheckoutIndex.Should().Be(1);
    }
}
