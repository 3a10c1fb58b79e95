using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Tests.Config;

/// <summary>A job's <c>github:</c> block: GitHub-only settings, checked at their place and passed typed into the graph.</summary>
public class GitHubJobSettingsTests
{
    private static LoadResult Inline(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load();
    }

    private static LoadResult Job(string github) => Inline("jobs:\n  a:\n    steps: [checkout]\n    github: " + github + "\n");

    [Fact]
    public void Every_setting_is_bound_into_the_graph()
    {
        var settings = Inline("""
            jobs:
              a:
                steps: [checkout]
                github:
                  permissions: {contents: read, id-token: write}
                  environment: {name: production, url: 'https://example.com'}
                  concurrency: {group: deploy, cancel-in-progress: false}
                  outputs: {version: '${{ steps.v.outputs.version }}', sha: '${{ github.sha }}'}
                  continue_on_error: true
            """).Clean().Workflows[0].Jobs[0].GitHubSettings()!;

        settings.Permissions!.Scopes.Should().Equal(new Dictionary<string, string> { ["contents"] = "read", ["id-token"] = "write" });
        settings.Environment.Should().Be(new GitHubEnvironment { Name = "production", Url = "https://example.com" });
        settings.Concurrency.Should().Be(new Concurrency { Group = "deploy", CancelInProgress = Scalar.Boolean(false) });
        settings.Outputs.Keys.Should().Equal("version", "sha");
        settings.Outputs["version"].Should().Be("${{ steps.v.outputs.version }}");
        settings.ContinueOnError.Should().Be(Scalar.Boolean(true));
    }

    [Fact]
    public void Environment_may_be_a_name_and_continue_on_error_an_expression()
    {
        var settings = Job("{environment: staging, continue_on_error: '${{ matrix.experimental }}'}").Clean().Workflows[0].Jobs[0].GitHubSettings()!;

        settings.Environment.Should().Be(new GitHubEnvironment { Name = "staging" });
        settings.ContinueOnError.Should().Be(Scalar.String("${{ matrix.experimental }}"));
    }

    [Fact]
    public void Only_the_github_provider_receives_the_block()
    {
        var graph = Job("{environment: staging}").Clean();

        CIGen.Core.Graphs.GraphFilter.ForProvider(graph, "github").Workflows[0].Jobs[0].ProviderSettings.Should().NotBeNull();
        CIGen.Core.Graphs.GraphFilter.ForProvider(graph, "circleci").Workflows[0].Jobs[0].ProviderSettings.Should().BeNull("CircleCI never sees GitHub's settings");
        CIGen.Core.Graphs.GraphFilter.ForProvider(graph, "gitlab").Workflows[0].Jobs[0].ProviderSettings.Should().BeNull();
    }

    [Fact]
    public void A_job_without_the_block_has_none()
    {
        Inline("jobs: {a: {steps: [checkout]}}\n").Clean().Workflows[0].Jobs[0].GitHubSettings().Should().BeNull();
    }

    [Fact]
    public void An_unknown_key_is_an_error_at_its_place_with_the_spelling_to_use()
    {
        Job("{continue-on-error: true}").Single().ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 4, 14, "`continue-on-error`", "`continue_on_error`");
    }

    [Fact]
    public void Continue_on_error_must_be_a_boolean_or_an_expression()
    {
        Job("{continue_on_error: maybe}").Single().ShouldBe(DiagnosticCodes.WrongType, "cigen.yml", 4, 33, "`continue_on_error`", "an expression");
    }

    [Fact]
    public void Bad_permission_levels_and_output_names_are_errors_at_their_place()
    {
        Job("{permissions: {contents: admin}}").Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 4, 38, "`admin`");
        Job("{outputs: {'bad name': x}}").Single().ShouldBe(DiagnosticCodes.InvalidName, "cigen.yml", 4, 24, "`bad name`");
    }

    [Fact]
    public void An_environment_mapping_needs_a_name()
    {
        Job("{environment: {url: 'https://x'}}").Single().ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 4, 27);
    }

    [Fact]
    public void Permissions_on_the_job_itself_point_to_the_github_block()
    {
        Inline("jobs:\n  a:\n    steps: [checkout]\n    permissions: {contents: read}\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 4, 5, "`permissions`", "`github:`");
    }
}
