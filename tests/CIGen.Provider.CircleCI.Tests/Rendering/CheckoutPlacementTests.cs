using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.CircleCI.Tests.Fixtures.StepRunner;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// The skip steps and the wait for services go where the core's <see cref="Job.CheckoutIndex"/> says the checkout ends,
/// also in the jobs of matrix legs that leave steps out; the provider never looks for checkouts itself (docs/protocol.md, Job).
/// </summary>
public class CheckoutPlacementTests
{
    private static readonly string[] Start = [SkipSteps.HashStepName, SkipSteps.LookupStepName, SkipCommand.StepName];

    private static readonly Service Postgres = new() { Name = "postgres", Image = "postgres:16", Ports = ["5432:5432"], Source = G.At(".cigen/config.yml", 2, 3) };

    private static Job Lint(int? checkoutIndex, params Step[] steps) =>
        SkippingSample.Lint(SkippingSample.Native()) with { Steps = steps, CheckoutIndex = checkoutIndex };

    private static IReadOnlyList<string> Names(Graph graph, string job) => [.. Steps(Jobs(Render.Config(graph)), job).Select(NameOf)];

    [Fact]
    public void Skip_steps_and_the_service_wait_go_right_after_the_step_the_index_names()
    {
        // The index says step 2 although step 0 is a checkout: the provider follows the index, and looks for nothing.
        var lint = Lint(2, G.Checkout(), G.Run("b", "B"), G.Run("c", "C"), G.Run("d", "D")) with { Services = [Postgres] };

        Names(G.Graph(G.Workflow("ci", lint)), "lint").Should().Equal(
            ["checkout", "B", "C", .. Start, ServiceWait.StepName, "D", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_command_that_checks_out_is_followed_after_its_use()
    {
        var graph = G.Graph(G.Workflow("ci", Lint(1, G.Run("echo hi", "Hello"), G.UseCommand("sources"), G.Run("make lint", "Lint")))) with
        {
            Commands = [G.Command("sources", G.Run("git lfs install", "LFS"), G.Checkout())],
        };

        Names(graph, "lint").Should().Equal(["Hello", "sources", .. Start, "Lint", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_job_without_a_checkout_gets_one_before_the_skip_steps()
    {
        Names(G.Graph(G.Workflow("ci", Lint(null, G.Run("make lint", "Lint")))), "lint").Should().Equal(
            ["checkout", .. Start, "Lint", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    /// <summary>The matrix test job of the skipping sample, alone, with these steps and this index.</summary>
    private static Graph Legs(int checkoutIndex, params Step[] steps) =>
        G.Graph(G.Workflow("ci", SkippingSample.Test(SkippingSample.Native()) with { Steps = steps, CheckoutIndex = checkoutIndex, Needs = [] }));

    [Fact]
    public void A_legs_job_moves_the_index_with_the_steps_the_leg_leaves_out()
    {
        var graph = Legs(1, G.Run("./arm-setup", "Arm setup").When("matrix.arch == 'arm64'"), G.Checkout(), G.Run("make test", "Test"));

        Names(graph, "test_arm64").Should().Equal(["Arm setup", "checkout", .. Start, "Test", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
        Names(graph, "test_amd64").Should().Equal(["checkout", .. Start, "Test", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_legs_job_that_leaves_the_checkout_out_has_none()
    {
        var graph = Legs(0, G.Checkout().When("matrix.arch == 'arm64'"), G.Run("make test", "Test"));

        Names(graph, "test_arm64").Should().Equal(["checkout", .. Start, "Test", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
        Names(graph, "test_amd64").Should().Equal(["checkout", .. Start, "Test", SkipSteps.WriteStepName, SkipSteps.RecordStepName], "the skip steps check out for themselves");
    }
}
