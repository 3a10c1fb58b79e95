using CIGen.Core.Graphs;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Tests.Config;

/// <summary>Fixtures/full writes every key of the contract, split and inline.</summary>
public class FullFixtureTests
{
    private static readonly string Directory = Path.Combine(Fixtures.Directory, "full");

    private static Graph SplitGraph => Fixtures.Load(Directory, ".cigen").Clean();

    private static Job Job(Graph graph, string id) => graph.Workflows.SelectMany(w => w.Jobs).Single(j => j.Id == id);

    [Fact]
    public void Split_and_inline_forms_resolve_to_the_same_graph()
    {
        var inline = Fixtures.Load(Directory, "cigen.yml").Clean();

        GraphJson.WithoutLocations(inline).Should().Be(GraphJson.WithoutLocations(SplitGraph));
    }

    [Fact]
    public void Options_steer_generation()
    {
        var options = Fixtures.Load(Directory, ".cigen").Options;

        options.Providers.Should().Equal("github-actions", "circleci");
        options.OutputPath.Should().Be("generated");
        options.OutputFilename.Should().Be("pipeline.yml");
        options.ProviderPaths.Should().Equal(Path.Combine(Directory, "tools", "providers"), "/opt/cigen/providers");
    }

    [Fact]
    public void Fragments_merge_into_config_yml_including_workflow_settings()
    {
        var ci = SplitGraph.Workflows[0];

        ci.Name.Should().Be("CI");
        ci.Triggers.Select(t => t.Event).Should().Equal("push", "pull_request", "schedule");
        ci.Triggers[0].Branches.Should().Equal("main");
        ci.Triggers[0].PathsIgnore.Should().Equal("docs/**");
        ci.Triggers[1].Types.Should().Equal("opened", "synchronize");
        ci.Triggers[2].Cron.Should().Equal("0 3 * * 1");
        ci.Permissions!.Scopes.Should().Equal(new Dictionary<string, string> { ["contents"] = "read", ["pull-requests"] = "write" });
        ci.Concurrency!.CancelInProgress.Should().Be(Scalar.String("${{ github.ref != 'refs/heads/main' }}"));
    }

    [Fact]
    public void Top_level_env_reaches_every_workflow_ahead_of_its_own()
    {
        var graph = SplitGraph;

        graph.Workflows[0].Env.Keys.Should().Equal("LANG", "CI_DEBUG", "RUSTFLAGS");
        graph.Workflows[0].Env["CI_DEBUG"].Should().Be(Scalar.Boolean(false));
        graph.Workflows[1].Env.Keys.Should().Equal("LANG", "CI_DEBUG");
    }

    [Fact]
    public void Release_workflow_keeps_workflow_run_dispatch_inputs_and_write_all()
    {
        var release = SplitGraph.Workflows[1];

        release.Triggers[0].Workflows.Should().Equal("CI");
        release.Triggers[0].Types.Should().Equal("completed");
        var inputs = release.Triggers[1].Inputs;
        inputs.Select(i => i.Name).Should().Equal("channel", "force");
        inputs[0].Type.Should().Be("choice");
        inputs[0].Options.Should().Equal("stable", "beta");
        inputs[0].Default.Should().Be(Scalar.String("stable"));
        inputs[1].Required.Should().BeFalse();
        release.Permissions!.All.Should().Be("write-all");
        release.Concurrency.Should().Be(new Concurrency { Group = "release", CancelInProgress = Scalar.Boolean(false) });
        release.Jobs.Single().Id.Should().Be("tag");
    }

    [Fact]
    public void Top_level_resources_are_typed()
    {
        var graph = SplitGraph;

        graph.Runners.Select(r => r.Name).Should().Equal("cloud", "self_hosted", "circle");
        graph.Runners[0].RunsOn.Should().Equal("ubuntu-latest");
        graph.Runners[1].Should().BeEquivalentTo(new RunnerProfile
        {
            Name = "self_hosted", RunsOn = ["self-hosted", "linux", "x64"], Group = "builders", CacheBackend = "minio", SkipCache = "redis",
        });
        graph.Runners[2].ResourceClass.Should().Be("large");
        graph.DefaultRunner.Should().Be("cloud");
        graph.CacheBackends.Select(b => (b.Name, b.Type)).Should().Equal(("native", "native"), ("minio", "s3"), ("redis", "redis"));
        graph.CacheBackends[1].Settings.Keys.Should().Equal("bucket", "region", "endpoint", "access_key", "secret_key");
        graph.CacheBackends[1].Settings["access_key"].Should().Be(Scalar.String("${MINIO_KEY}"));
        graph.CacheBackends[2].Settings["ttl"].Should().Be(Scalar.Number("604800"));
        graph.SkipCacheDefault.Should().Be("redis");
        // The effective lists: the built-ins, with the user's merged in by name (user wins, new names last).
        graph.CacheDefinitions.Select(d => d.Name).Should().Equal("gems", "node_modules", "pip", "uv", "pdm", "cargo", "cargo_target", "go", "go_build", "nuget", "turbo");
        graph.CacheDefinitions[^1].Should().BeEquivalentTo(new CacheDefinition { Name = "turbo", Versions = ["node"], ChecksumSources = ["turbo.json"], Paths = [".turbo"] });
        graph.VersionSources.Single(v => v.Tool == "node").Probes.Should().Equal(new VersionProbe(File: ".nvmrc"), new VersionProbe(Command: "node --version"));
        graph.VersionSources.Single(v => v.Tool == "rust").Probes.Should().Equal(new VersionProbe(File: "rust-toolchain.toml", Pattern: "channel = \"(.*)\""));
        graph.Services.Select(s => s.Name).Should().Equal("postgres", "redis");
        graph.Services[0].Ports.Should().Equal("5432:5432");
        graph.Services[0].Env["POSTGRES_PASSWORD"].Should().Be(Scalar.String("postgres"));
        graph.Services[0].Health.Should().Be(new ServiceHealth { Cmd = "pg_isready", Interval = "10s", Timeout = "5s", Retries = 5 });
        var github = FirstPartySettings.GitHub(GraphFilter.ForProvider(graph, "github"))!;
        var circleci = FirstPartySettings.CircleCi(GraphFilter.ForProvider(graph, "circleci"))!;
        github.SkipStrategy.Should().Be("early_exit");
        circleci.Dynamic.Should().BeTrue();
        circleci.FixGithubStatus.Should().BeTrue();
        circleci.Context.Should().Equal("org-global");
        GraphFilter.ForProvider(graph, "gitlab").ProviderSettings.Should().BeNull("a provider gets only its own block");
    }

    [Fact]
    public void Top_level_defaults_apply_to_jobs_that_set_none_and_a_job_list_replaces_them()
    {
        var graph = SplitGraph;
        var lint = Job(graph, "lint");
        var test = Job(graph, "test");
        var deploy = Job(graph, "deploy");

        lint.Architectures.Should().Equal("amd64");
        test.Architectures.Should().Equal("amd64", "arm64");
        lint.Packages.Select(p => p.Name).Should().Equal("rust");
        test.Packages.Select(p => p.Name).Should().Equal("rust", "node", "python");
        test.Packages[0].Options.Should().Equal(new Dictionary<string, Scalar> { ["version_file"] = "rust-toolchain.toml" });
        test.Packages[0].Components.Should().Equal("rustfmt", "clippy");
        test.Packages[1].Options["package_manager"].Should().Be(Scalar.String("pnpm"));
        test.Packages[2].Options["version"].Should().Be(Scalar.String("3.10"), "a version is text even when written as a plain 3.10");
        lint.Cache.Should().Equal("cargo", "cargo_target");
        test.Cache.Should().Equal("cargo", "cargo_target", "node_modules");
        deploy.Cache.Should().BeEmpty("an empty list replaces the default too");
    }

    [Fact]
    public void Jobs_resolve_runners_services_groups_and_dependencies()
    {
        var graph = SplitGraph;
        var lint = Job(graph, "lint");
        var test = Job(graph, "test");
        var deploy = Job(graph, "deploy");
        var approve = Job(graph, "approve");

        lint.Runner.Should().BeEquivalentTo(new RunnerSelection { Profile = "cloud" }, "the default runner applies");
        test.Runner.Should().BeEquivalentTo(new RunnerSelection { Profile = "self_hosted" });
        deploy.Runner.Should().BeEquivalentTo(new RunnerSelection { RunsOn = ["self-hosted", "deploy"], ResourceClass = "xlarge" });
        test.Needs.Should().Equal("lint");
        deploy.RequiresAny.Should().Equal("test", "approve");
        deploy.If.Should().Be("github.ref == 'refs/heads/main'");
        deploy.Checkout.Should().BeFalse();
        deploy.Env["DEPLOY_ENV"].Should().Be(Scalar.String("production"));
        test.Services.Select(s => (s.Name, s.Image)).Should().Equal(("postgres", "postgres:16"), ("cache", "redis:7"));
        test.Services[1].Ports.Should().Equal("6379");
        test.SourceFiles.Should().Equal("src/**/*.rs", "Cargo.toml", "Cargo.lock", "web/**/*.{ts,tsx}", "web/package.json", "Makefile", "tests/**", "!tests/fixtures/**");
        lint.SourceFiles.Should().Equal("src/**/*.rs", "Cargo.toml", "Cargo.lock");
        test.Skip.Should().BeFalse();
        lint.Skip.Should().BeTrue();
        test.TimeoutMinutes.Should().Be(30);
        test.Image.Should().Be("rust:latest");
        test.Matrix.Should().BeEquivalentTo(new[]
        {
            new MatrixDimension("ruby", [Scalar.String("3.2"), Scalar.String("3.3")]),
            new MatrixDimension("pg", [Scalar.Number("15"), Scalar.Number("16")]),
        }, o => o.WithStrictOrdering());
        approve.Type.Should().Be("approval");
        approve.Steps.Should().BeEmpty();
    }

    [Fact]
    public void Every_step_spelling_keeps_name_if_env_and_id()
    {
        var job = Job(SplitGraph, "test");
        var steps = job.Steps.Where(s => s.Source != job.Source).ToList(); // without the injected package and cache steps

        steps.Select(s => s.Kind).Should().Equal(StepKind.Checkout, StepKind.RestoreCache, StepKind.Run, StepKind.Run, StepKind.SaveCache, StepKind.Uses);
        ((RestoreCacheStep)steps[1]).Keys.Should().Equal("deps-{{ checksum \"Cargo.lock\" }}", "deps-");
        steps[2].Should().BeEquivalentTo(new
        {
            Name = "Test", Id = "test", If = "success()", WorkingDirectory = "server",
            Run = "cargo test --all-features\ncargo test --doc\n",
        });
        steps[2].Env["RUST_BACKTRACE"].Should().Be(Scalar.Number("1"));
        steps[3].Should().BeEquivalentTo(new { Name = "Integration", Run = "make integration", Shell = "bash -eo pipefail" });
        steps[3].Env["DB"].Should().Be(Scalar.String("postgres"));
        steps[4].Should().BeEquivalentTo(new { Name = "Save deps", Key = "deps-{{ checksum \"Cargo.lock\" }}", Paths = new[] { "target", "~/.cargo" } });
        steps[5].Should().BeEquivalentTo(new { Name = "Upload", Uses = "actions/upload-artifact@v4", If = "always()", Only = new[] { "github" } });
        ((UsesStep)steps[5]).With.Should().Equal(new Dictionary<string, Scalar> { ["name"] = "logs", ["path"] = "logs/", ["retention-days"] = Scalar.Number("5") });
    }

    [Fact]
    public void Env_values_keep_their_yaml_1_2_type()
    {
        var env = Job(SplitGraph, "test").Env;

        env.Should().Equal(new Dictionary<string, Scalar>
        {
            ["RUST_LOG"] = Scalar.String("debug"),
            ["RETRIES"] = Scalar.Number("3"),
            ["VERBOSE"] = Scalar.Boolean(true),
            ["LEVEL"] = Scalar.String("1"),
            ["ANSWER"] = Scalar.String("yes"),
        });
        env.Keys.Should().Equal("RUST_LOG", "RETRIES", "VERBOSE", "LEVEL", "ANSWER");
    }

    [Fact]
    public void Commands_keep_their_steps_and_only_lists_in_canonical_form()
    {
        var graph = SplitGraph;

        graph.Commands.Select(c => c.Name).Should().Equal("install_deps", "setup");
        graph.Commands[0].Description.Should().Be("Install every dependency.");
        graph.Commands[0].Steps[0].Should().BeEquivalentTo(new { Kind = StepKind.Command, Command = "setup" });
        graph.Commands[0].Steps[1].Only.Should().Equal("github", "circleci");
        graph.Commands[1].Steps.Select(s => s.Only.Single()).Should().Equal("github", "circleci");
        Job(graph, "lint").DefinitionFiles.Should().Contain([".cigen/commands/install_deps.yml", ".cigen/commands/setup.yml"], "commands used through commands count too");
    }
}
