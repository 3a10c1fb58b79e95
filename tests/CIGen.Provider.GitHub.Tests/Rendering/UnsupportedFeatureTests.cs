using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Keys later issues render: each gives its own warning pointing at the job, and nothing of it reaches the output.</summary>
public class UnsupportedFeatureTests
{
    private static readonly SourceLocation JobSource = G.At(".cigen/workflows/ci/jobs/test.yml", 1, 1);

    public static TheoryData<string, string, Func<Job, Job>> Features() => new()
    {
        { "source_files", "src/**", j => j with { SourceFiles = ["src/**/*.rs"] } },
        { "runner profiles (runner 'self_hosted')", "self_hosted", j => j with { Runner = new RunnerSelection { Profile = "self_hosted" } } },
    };

    [Theory]
    [MemberData(nameof(Features))]
    public void Warns_with_the_jobs_location_and_leaves_the_feature_out(string feature, string leftOut, Func<Job, Job> use)
    {
        // Without the automatic checkout, which an approval gate never gets: the comparison is about the feature alone.
        var job = use(G.Job("test", G.Run("make test")) with { Source = G.At(".cigen/workflows/ci/jobs/test.yml", 3, 7), Checkout = false });

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Warning,
            "github.unsupported-feature",
            $"{feature} is not supported by the github provider yet; it is ignored",
            ".cigen/workflows/ci/jobs/test.yml", 3, 7, "ci", "test"));
        result.Files.Single().Content.Should().NotContain(leftOut).And.Be(Render.Jobs(G.Job("test", G.Run("make test")) with { Checkout = false }));
    }

    [Fact]
    public void Treats_the_default_runner_profile_like_a_profile_for_jobs_that_choose_none()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")), G.Job("b", G.Run("x")) with { Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04"] } }))
            with { DefaultRunner = "cloud" };

        var result = Render.Graph(graph);

        result.Diagnostics.Should().ContainSingle(d => d.Job == "a" && d.Message.StartsWith("runner profiles (runner 'cloud')"));
    }

    [Fact]
    public void Warns_about_the_skip_strategy_setting_at_the_config_file()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")))) with
        {
            Settings = new ProviderSettings { Github = new GitHubSettings { SkipStrategy = "early_exit" } },
        };

        Render.Graph(graph).Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Warning, "github.unsupported-feature", "github.skip_strategy is not supported by the github provider yet; it is ignored", ".cigen"));
    }

    [Fact]
    public void Reports_every_unsupported_feature_of_a_job_separately()
    {
        var job = G.Job("test", G.Run("x")) with { SourceFiles = ["src/**"], Runner = new RunnerSelection { Profile = "cloud" } };

        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Select(d => d.Message.Split(' ')[0])
            .Should().Equal("source_files", "runner");
    }

    [Fact]
    public void Renders_packages_and_caches_through_the_injected_steps_without_a_warning()
    {
        // The core turns both into steps (setup_package, key_values, restore_cache, save_cache); the job-level lists
        // are only a record of what was asked for.
        var job = G.Job("test", G.Run("x")) with { Cache = ["gems"], Packages = [new PackageUse { Name = "ruby" }] };

        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Should().BeEmpty();
    }
}
