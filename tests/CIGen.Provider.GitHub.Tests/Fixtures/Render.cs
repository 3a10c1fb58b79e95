using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>Runs the provider on a graph the way the host does.</summary>
internal static class Render
{
    /// <remarks>The host sends each provider its own view of the graph (<c>only:</c> applied, checkout made explicit).</remarks>
    public static GenerateResult Graph(Graph graph, GenerateOptions? options = null) =>
        new GitHubProvider().Generate(
            new GenerateParams(GraphFilter.ForProvider(graph, GitHubProvider.Name), options ?? new GenerateOptions()),
            CancellationToken.None);

    /// <summary>The text of the only workflow, after checking the graph rendered without errors.</summary>
    /// <remarks>The runtime action's files (<see cref="Rendering.RuntimeAction"/>) may come with it.</remarks>
    public static string Single(Graph graph)
    {
        var result = Graph(graph);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        var workflows = Workflows(result);
        workflows.Should().ContainSingle();
        return workflows[0].Content;
    }

    /// <summary>The workflow files of a result, without the actions' (the runtime's and the jobs' setups).</summary>
    public static IReadOnlyList<OutputFile> Workflows(GenerateResult result) =>
        [.. result.Files.Where(f => !f.Path.StartsWith(".github/actions/", StringComparison.Ordinal))];

    /// <summary>
    /// The text of the only workflow with every call of a job's setup action (<c>JobSetupActions</c>)
    /// replaced by the action's steps, as GitHub runs them: for tests about those steps wherever they are written.
    /// </summary>
    public static string SingleAsRun(Graph graph) => CIGen.Testing.Meaning.GitHubSetupActions.Inline(Single(graph), Graph(graph).Files);

    /// <summary>The text of the only workflow of a one-workflow graph with these jobs.</summary>
    public static string Jobs(params Job[] jobs) => Single(G.Graph(G.Workflow("ci", jobs)));

    /// <summary>The lines of <paramref name="text"/> from the one starting with <paramref name="startsWith"/> (trimmed) on.</summary>
    public static string From(string text, string startsWith)
    {
        var index = text.IndexOf(startsWith, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"the output contains '{startsWith}':\n{text}");
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text[lineStart..];
    }

    /// <summary>The steps: section of the first job.</summary>
    public static string Steps(string text) => From(text, "    steps:");
}
