using CIGen.Core.Graphs;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Provider.Sdk.Settings;
using CIGen.Testing;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// The early-exit hash goes where the core's <see cref="Job.CheckoutIndex"/> says the checkout ends; the provider never
/// looks for checkouts itself (docs/protocol.md, Job).
/// </summary>
public class CheckoutPlacementTests
{
    private const string Hash = "Hash the job's inputs";
    private const string Lookup = "Skip when the inputs are unchanged";

    /// <summary>The lint job of the skipping sample with these steps, under early exit, as the host sends it to GitHub.</summary>
    private static Graph Sent(Job lint, params Command[] commands)
    {
        var graph = G.Graph(G.Workflow("ci", lint)) with
        {
            Commands = commands,
            ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = "early_exit" }),
        };
        return GraphFilter.ForProvider(graph, GitHubProvider.Name);
    }

    private static Job Lint(params Step[] steps) => SkippingSample.Lint(SkippingSample.Native()) with { Steps = steps };

    private static Graph WithIndex(Graph graph, int? index) =>
        graph with { Workflows = [graph.Workflows[0] with { Jobs = [graph.Workflows[0].Jobs[0] with { CheckoutIndex = index }] }] };

    private static IReadOnlyList<string?> StepLabels(Graph sent)
    {
        var result = new GitHubProvider().Generate(new GenerateParams(sent, new GenerateOptions()), CancellationToken.None);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        var workflow = new WorkflowReadBack(Render.Workflows(result).Single().Content);
        return [.. Steps(workflow.Job("lint")).Select(s => Text(s, "name") ?? Text(s, "uses"))];
    }

    [Fact]
    public void The_hash_goes_right_after_the_step_the_index_names()
    {
        // The index says step 2 although step 0 is a checkout: the provider follows the index, and looks for nothing.
        var sent = WithIndex(Sent(Lint(G.Checkout(), G.Run("b", "B"), G.Run("c", "C"), G.Run("d", "D"))), 2);

        StepLabels(sent).Take(6).Should().Equal("actions/checkout@v4", "B", "C", Hash, Lookup, "D");
    }

    [Fact]
    public void A_checkout_in_a_command_is_followed_after_the_whole_command_written_inline()
    {
        var fetch = G.Command("fetch", G.Run("before", "Before"), G.Checkout(), G.Run("after", "After"));
        var sent = Sent(Lint(G.Run("prepare", "Prepare"), G.UseCommand("fetch"), G.Run("make", "Make")), fetch);

        sent.Workflows[0].Jobs[0].CheckoutIndex.Should().Be(1);
        StepLabels(sent).Take(7).Should().Equal("Prepare", "Before", "actions/checkout@v4", "After", Hash, Lookup, "Make");
    }

    [Fact]
    public void A_job_without_a_checkout_gets_one_of_its_own_before_the_hash()
    {
        var sent = Sent(Lint(G.Run("make", "Make")) with { Checkout = false });

        sent.Workflows[0].Jobs[0].CheckoutIndex.Should().BeNull();
        StepLabels(sent).Take(4).Should().Equal("actions/checkout@v4", Hash, Lookup, "Make");
    }
}
