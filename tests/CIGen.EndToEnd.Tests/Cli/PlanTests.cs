using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Core.Hashing;
using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary><c>cigen plan [--workflow W]</c>: each job's hash and what CI would do with it now.</summary>
public sealed class PlanTests : CliTestBase
{
    private const string Jobs = """
          build:
            source_files: [src/**]
            steps: [{run: make}]
          test:
            source_files: [src/**, tests/**]
            architectures: [amd64, arm64]
            requires: [build]
            steps: [{run: make test}]
          lint:
            steps: [{run: make lint}]
          release:
            source_files: [src/**]
            skip: false
            steps: [{run: make release}]
          approve:
            type: approval
            requires: [release]
        """;

    public PlanTests()
    {
        Project.Write("cigen.yml", "jobs:\n" + Jobs);
        Project.Write("src/app.cs", "class App {}\n");
    }

    [Fact]
    public void Prints_an_aligned_line_per_job_and_leg_saying_why_native_markers_are_not_checked()
    {
        var result = Run("plan");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        const string native = "run? (marker not checked: backend `native` is the CI platform's own cache, which only CI can read)";
        result.Output.Should().Be(
            $"ci/build       {Hash("build")}  {native}\n" +
            $"ci/test_amd64  {Hash("test")}  {native}\n" +
            $"ci/test_arm64  {Hash("test")}  {native}\n" +
            $"ci/lint        {Hash("lint")}  run (never skipped: no source_files)\n" +
            $"ci/release     {Hash("release")}  run (never skipped: skip: false)\n" +
            $"ci/approve     {Hash("approve")}  run (never skipped: approval)\n");
        result.Error.Should().BeEmpty();
        Run("plan").Output.Should().Be(result.Output, "the preview is deterministic");
    }

    [Fact]
    public void A_secret_missing_from_the_environment_leaves_the_marker_unchecked()
    {
        UseRedis("${REDIS_URL}");

        var result = Run(["plan"], new Dictionary<string, string?> { ["REDIS_URL"] = null });

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain($"ci/build       {Hash("build")}  run? (marker not checked: set REDIS_URL (backend `markers` reads it) in this environment)\n");
    }

    [Fact]
    public void With_a_reachable_redis_the_lookup_script_decides_skip_or_run()
    {
        using var redis = new RedisServer();
        UseRedis("${REDIS_URL}");
        var environment = new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url };
        redis.Cli("SET", $"cigen-skip-v1/linux-arm64/ci/test_arm64/{Hash("test")}", "ok");

        var result = Run(["plan", "--workflow", "ci"], environment);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Split('\n')[..3].Should().Equal(
            $"ci/build       {Hash("build")}  run (no marker)",
            $"ci/test_amd64  {Hash("test")}  run (no marker)",
            $"ci/test_arm64  {Hash("test")}  skip (marker found)");

        // The same config against a port nothing listens on: never a skip.
        UseRedis($"redis://127.0.0.1:{Tools.FreePort()}");
        var unreachable = Run("plan");
        unreachable.ExitCode.Should().Be(ExitCodes.Success, unreachable.ToString());
        unreachable.Output.Should().Contain($"ci/test_arm64  {Hash("test")}  run (backend unreachable: Redis did not answer EXISTS: ")
            .And.NotContain("skip (");
    }

    [Fact]
    public void A_job_reading_the_branch_name_is_previewed_for_the_branch_in_CIGEN_BRANCH_else_not_at_all()
    {
        using var redis = new RedisServer();
        Project.Write("cigen.yml", "cache_backends:\n  markers: {type: redis, url: '${REDIS_URL}'}\nskip_cache: {default: markers}\njobs:\n"
            + "  deploy:\n    source_files: [src/**]\n    steps:\n      - run: make deploy\n        if: branch == 'main'\n");
        var hash = Hash("deploy");
        redis.Cli("SET", $"cigen-skip-v1/linux-amd64/ci/deploy/branch-{RefKind.NameDigest("main")}/{hash}", "ok");

        var onMain = Run(["plan"], new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url, ["CIGEN_BRANCH"] = "main" });
        var onFeature = Run(["plan"], new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url, ["CIGEN_BRANCH"] = "feature" });
        var unknown = Run(["plan"], new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url, ["CIGEN_BRANCH"] = null });

        onMain.Output.Should().Be($"ci/deploy  {hash}  skip (marker found)\n", onMain.ToString());
        onFeature.Output.Should().Be($"ci/deploy  {hash}  run (no marker)\n", onFeature.ToString());
        unknown.Output.Should().Be($"ci/deploy  {hash}  unknown (its marker names the branch; set CIGEN_BRANCH to preview a branch's run)\n",
            "the test project is no git repository, so there is no current branch");
    }

    [Fact]
    public void An_unknown_workflow_exits_2_naming_the_workflows()
    {
        var result = Run("plan", "--workflow", "cj");

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"error {GenerationCodes.UnknownWorkflow}: unknown workflow `cj`").And.Contain("did you mean `ci`?").And.Contain("one of: ci");
    }

    private void UseRedis(string url) =>
        Project.Write("cigen.yml", $"cache_backends:\n  markers: {{type: redis, url: '{url}'}}\nskip_cache: {{default: markers}}\njobs:\n" + Jobs);

    private string Hash(string job)
    {
        var graph = ConfigLoader.Load(new ConfigLocation(Project.Combine("cigen.yml"), Project.Path, IsSplit: false)).Graph!;
        return JobHash.Compute(Project.Path, graph.Workflows.Single().Jobs.Single(j => j.Id == job)).Value;
    }
}
