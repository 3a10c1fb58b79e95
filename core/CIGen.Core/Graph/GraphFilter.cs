using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>Each provider's own view of the graph.</summary>
public static class GraphFilter
{
    /// <summary>
    /// The graph without the steps (in jobs and commands) limited by <c>only:</c> to other providers. Provider names
    /// compare by their canonical form, so <c>only: github-actions</c> matches the <c>github</c> provider.
    /// </summary>
    public static Graph ForProvider(Graph graph, string canonicalProvider)
    {
        var provider = ProviderNames.Canonical(canonicalProvider);
        IReadOnlyList<Step> Keep(IReadOnlyList<Step> steps) =>
            [.. steps.Where(s => s.Only.Count == 0 || s.Only.Any(o => ProviderNames.Canonical(o) == provider))];

        return graph with
        {
            Workflows = [.. graph.Workflows.Select(w => w with { Jobs = [.. w.Jobs.Select(j => j with { Steps = Keep(j.Steps) })] })],
            Commands = [.. graph.Commands.Select(c => c with { Steps = Keep(c.Steps) })],
        };
    }
}
