using System.Text.Json;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>Each provider's own view of the graph.</summary>
public static class GraphFilter
{
    /// <summary>
    /// The graph as <paramref name="canonicalProvider"/> must render it: without the steps (in jobs and commands)
    /// limited by <c>only:</c> to other providers, and with the automatic checkout made explicit. Provider names compare
    /// by their canonical form, so <c>only: github-actions</c> matches the <c>github</c> provider.
    /// </summary>
    public static Graph ForProvider(Graph graph, string canonicalProvider)
    {
        var provider = ProviderNames.Canonical(canonicalProvider);
        IReadOnlyList<Step> Keep(IReadOnlyList<Step> steps) =>
            [.. steps.Where(s => s.Only.Count == 0 || s.Only.Any(o => ProviderNames.Canonical(o) == provider))];

        var commands = graph.Commands.Select(c => c with { Steps = Keep(c.Steps) }).ToList();
        var checkouts = new CheckoutSteps(commands);
        return graph with
        {
            Workflows = [.. graph.Workflows.Select(w => w with
            {
                Jobs = [.. w.Jobs.Select(j => checkouts.Indexed(checkouts.Injected(checkouts.Placed(j with { Steps = Keep(j.Steps), ProviderSettings = Block(j.ProviderBlocks, provider, j.ProviderSettings) }))))],
            })],
            Commands = commands,
            ProviderSettings = Block(graph.ProviderBlocks, provider, graph.ProviderSettings),
        };
    }

    /// <summary>
    /// The block for <paramref name="provider"/> only: the contract sends no provider another's settings. A graph
    /// built without blocks (a test's, or one already filtered) keeps the settings it carries.
    /// </summary>
    private static JsonElement? Block(IReadOnlyDictionary<string, JsonElement> blocks, string provider, JsonElement? carried) =>
        blocks.Count == 0 ? carried : blocks.TryGetValue(provider, out var block) ? block : null;

    /// <summary>
    /// Checkout is opt-out: a job gets a <c>checkout</c> step first unless it says <c>checkout: false</c>, is an
    /// approval gate, or already checks out (<see cref="CheckoutRule"/>). Decided here, after <c>only:</c>, so every
    /// provider sees the same answer for the steps it actually renders.
    /// </summary>
    private sealed class CheckoutSteps(IReadOnlyList<Command> commands)
    {
        private readonly CheckoutRule rule = new(commands);

        /// <summary>
        /// The injected package and cache steps (<see cref="Step.FollowsCheckout"/>) moved, as one block in their
        /// order, right after the first checkout this provider keeps; first when it keeps none (the automatic
        /// checkout then goes before them). Steps without the mark (an already placed graph) stay where they are.
        /// </summary>
        public Job Placed(Job job)
        {
            var block = job.Steps.Where(s => s.FollowsCheckout).Select(s => s with { FollowsCheckout = false }).ToList();
            if (block.Count == 0)
            {
                return job;
            }

            var rest = job.Steps.Where(s => !s.FollowsCheckout).ToList();
            var at = rule.IndexOfCheckout(rest) + 1;
            return job with { Steps = [.. rest.Take(at), .. block, .. rest.Skip(at)] };
        }

        /// <summary>The job with <see cref="Job.CheckoutIndex"/> set: where providers put what needs the sources.</summary>
        public Job Indexed(Job job) => job with { CheckoutIndex = rule.IndexOfCheckout(job.Steps) is var index and >= 0 ? index : null };

        public Job Injected(Job job) =>
            !job.Checkout || job.Type == "approval" || job.Steps.Any(rule.ChecksOut)
                ? job
                : job with { Steps = [new CheckoutStep { Source = job.Source }, .. job.Steps] };
    }
}
