using CIGen.Core.Graphs;
using CIGen.Core.Providers;
using CIGen.Protocol;

namespace CIGen.Core.Generation;

/// <summary>What one provider produced in a run: its result, or why there is none.</summary>
/// <param name="Outputs">The path patterns the provider declared as its own in <c>initialize</c>.</param>
public sealed record ProviderRun(ProviderExecutable Executable, GenerateResult? Result, ProviderException? Failure, IReadOnlyList<string> Outputs)
{
    /// <summary>Runs every provider at once (each in its own process) and waits for all of them.</summary>
    public static async Task<IReadOnlyList<ProviderRun>> RunAllAsync(
        IReadOnlyList<ProviderExecutable> providers,
        Graph graph,
        GenerateOptions options,
        ProviderHostOptions hostOptions,
        TextWriter log,
        CancellationToken cancellationToken) =>
        await Task.WhenAll(providers.Select(p => RunAsync(p, graph, options, hostOptions, log, cancellationToken)));

    /// <summary>
    /// What a provider is sent for a graph: the graph as that provider must see it (<see cref="GraphFilter"/>) and the
    /// user's output options. One definition, so <c>cigen providers check</c> sends exactly what <c>generate</c> sends.
    /// </summary>
    public static GenerateParams Request(Graph graph, GenerateOptions options, string providerName) =>
        new(GraphFilter.ForProvider(graph, providerName), options);

    private static async Task<ProviderRun> RunAsync(
        ProviderExecutable provider,
        Graph graph,
        GenerateOptions options,
        ProviderHostOptions hostOptions,
        TextWriter log,
        CancellationToken cancellationToken)
    {
        try
        {
            var request = Request(graph, options, provider.Name);
            await using var connection = await ProviderConnection.StartAsync(provider, hostOptions, log, cancellationToken);
            var result = await connection.GenerateAsync(request, cancellationToken);
            return new ProviderRun(provider, result, null, connection.Description.Outputs);
        }
        catch (ProviderException exception)
        {
            return new ProviderRun(provider, null, exception, []);
        }
    }
}
