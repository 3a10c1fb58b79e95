using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Keys later issues render: each gives the shared warning pointing at the job, and nothing of it reaches the output.</summary>
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
        var job = use(G.Job("test", G.Run("make test")) with { Source = G.At(".cigen/workflows/ci/jobs/test.yml", 3, 7) });

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Warning,
            "circleci.unsupported-feature",
            $"{feature} is not supported by the circleci provider yet; it is ignored",
            ".cigen/workflows/ci/jobs/test.yml", 3, 7, "ci", "test"));
        result.Files.Single().Content.Should().NotContain(leftOut).And.Be(Render.Jobs(G.Job("test", G.Run("make test"))));
    }

    [Fact]
    public void Treats_the_default_runner_profile_like_a_profile_for_jobs_that_choose_none()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")), G.Job("b", G.Run("x")) with { Runner = new RunnerSelection { ResourceClass = "large" } }))
            with { DefaultRunner = "cloud" };

        Render.Graph(graph).Diagnostics.Should().ContainSingle(d => d.Job == "a" && d.Message.StartsWith("runner profiles (runner 'cloud')"));
    }

    [Fact]
    public void Warns_about_circleci_settings_of_later_releases_at_the_config_file()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")))) with
        {
            ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { FixGithubStatus = false }),
        };

        Render.Graph(graph).Diagnostics.Select(d => (d.Severity, d.Code, d.Message, d.File)).Should().Equal(
            (Severity.Warning, "circleci.unsupported-feature", "circleci.fix_github_status is not supported by the circleci provider yet; it is ignored", ".cigen"));
    }
}
