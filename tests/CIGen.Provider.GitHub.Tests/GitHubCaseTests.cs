using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Yaml;
using CIGen.Testing.ProviderCases;

namespace CIGen.Provider.GitHub.Tests;

/// <summary>
/// Every provider case under <c>tests/provider-cases/</c> that lists GitHub, rendered by the GitHub provider: the shared
/// checks (golden files in <c>Golden/&lt;case&gt;/</c>, actionlint, GitHub's parser, shellcheck, determinism), and the
/// written YAML read back as the workflow model it was written from.
/// </summary>
public sealed class GitHubCaseTests() : ProviderCaseTests<GitHubCaseTests.Provider>()
{
    public sealed class Provider : IProviderUnderTest
    {
        public static string Name => GitHubProvider.Name;

        public static GenerateResult Generate(GenerateParams request) => new GitHubProvider().Generate(request, CancellationToken.None);

        public static void AssertValid(IReadOnlyList<OutputFile> files) => Validators.AssertValidGitHubWorkflows(files);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_reads_back_as_the_workflow_model(string name)
    {
        var graph = ProviderCase.Named(name).Request(Provider.Name).Graph;

        foreach (var workflow in graph.Workflows)
        {
            var document = WorkflowRenderer.Document(graph, workflow, new DiagnosticBag(GitHubProvider.Name)).ToYaml();

            YamlReadBack.AssertMeans(document, YamlWriter.Write(document));
        }
    }
}
