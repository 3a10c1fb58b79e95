using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Keys later issues render: each gives its own warning pointing at the job, and nothing of it reaches the output.</summary>
public class UnsupportedFeatureTests
{
    private static readonly SourceLocation JobSource = G.At(".cigen/workflows/ci/jobs/test.yml", 1, 1);

    public static TheoryData<string, string, Func<Job, Job>> Features() => new()
    {
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

    [Theory]
    [InlineData("plan")]
    [InlineData("early_exit")]
    public void Renders_the_skip_strategy_setting_and_source_files_without_a_warning(string strategy)
    {
        // source_files render through Job.Skipping, which the core sets when they make the job skippable (SkippingTests).
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")) with { SourceFiles = ["src/**"] })) with
        {
            ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = strategy }),
        };

        Render.Graph(graph).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Reports_the_unsupported_feature_once_per_job_that_uses_it()
    {
        var job = G.Job("test", G.Run("x")) with { Runner = new RunnerSelection { Profile = "cloud" } };
        var graph = G.Graph(G.Workflow("ci", job, job with { Id = "lint" }));

        Render.Graph(graph).Diagnostics.Select(d => (d.Job, d.Message.Split(' ')[0]))
            .Should().Equal(("test", "runner"), ("lint", "runner"));
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
