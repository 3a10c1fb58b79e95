using CIGen.Core.Caching;
using CIGen.Core.Graphs;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing;

namespace CIGen.Core.Tests.Caching;

/// <summary>Where the package and cache steps go, and what they hold.</summary>
public class InjectionTests
{
    private static readonly (string, string)[] RubyPnpmRepo =
    [
        ("Gemfile", "source 'https://rubygems.org'\n"), ("Gemfile.lock", "GEM\n\nBUNDLED WITH\n   2.5.6\n"), (".ruby-version", "3.3.5\n"),
        ("package.json", "{\"name\": \"web\"}"), ("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"), (".nvmrc", "v20.11.0\n"),
    ];

    private static Graph Load(string config, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", config), .. files]);
        return tree.Load().Clean();
    }

    private static IEnumerable<string> Names(Job job) => job.Steps.Select(s => s.Name ?? s.Command ?? s.Kind);

    [Fact]
    public void A_ruby_and_pnpm_job_looks_like_the_sample_providers_render()
    {
        var graph = GraphFilter.ForProvider(Load("jobs:\n  test:\n    steps:\n      - {name: Test, run: bundle exec rake test}\n", RubyPnpmRepo), "github");
        var job = graph.Workflows[0].Jobs[0];
        var sample = CachingSample.Test();

        job.Steps.Select(s => (s.Kind, s.Name, s.Id, s.Cache)).Should().Equal(sample.Steps.Select(s => (s.Kind, s.Name, s.Id, s.Cache)));
        job.Packages.Should().BeEquivalentTo(sample.Packages, o => o.WithStrictOrdering());
        job.Cache.Should().Equal(sample.Cache);
        var keyValues = job.Steps.Single(s => s.Kind == StepKind.KeyValues);
        keyValues.Values.Should().Equal(sample.Steps.Single(s => s.Kind == StepKind.KeyValues).Values);
        keyValues.Shell.Should().Be("bash");
        keyValues.Run.Should().NotBeNullOrWhiteSpace();
        var gems = job.Steps.Where(s => s.Cache == "gems").ToList();
        gems.Should().BeEquivalentTo(sample.Steps.Where(s => s.Cache == "gems"), o => o.Excluding(s => s.Source).WithStrictOrdering());
        job.Steps.Single(s => s.Name == "Install pnpm dependencies").Run.Should().Be("pnpm install --frozen-lockfile");
        job.Steps.Single(s => s.Name == "Install gems").Run.Should().Be("bundle config set --local path vendor/bundle\nbundle install --jobs 4 --retry 3");
        job.Steps.Single(s => s.Name == "Enable pnpm").Run.Should().Contain("corepack enable pnpm");
        job.Steps.Where(s => s.Kind is StepKind.Run && s.Name != "Test").Should().OnlyContain(s => s.Shell == "bash" && s.Source == job.Source);
    }

    [Fact]
    public void The_steps_go_right_after_a_user_checkout_inside_a_command()
    {
        var graph = Load(
            "commands:\n  fetch:\n    steps: [checkout, {run: git fetch --tags}]\njobs:\n  test:\n    steps:\n      - {name: Before, run: echo}\n      - fetch\n      - {name: Test, run: rake}\n",
            ("Gemfile", ""));

        Names(graph.Workflows[0].Jobs[0]).Should().Equal(
            "Before", "fetch", "Set up Ruby", "Compute cache keys", "Restore gems cache", "Install gems", "Test", "Save gems cache");
        Names(GraphFilter.ForProvider(graph, "circleci").Workflows[0].Jobs[0]).Should().StartWith(["Before", "fetch"], "no second checkout is added");
    }

    [Fact]
    public void The_steps_go_after_a_checkout_action_and_the_automatic_checkout_comes_first()
    {
        var explicitCheckout = Load("jobs:\n  test:\n    steps:\n      - {name: Lint, run: x}\n      - {uses: actions/checkout@v4, name: Checkout}\n      - {name: Test, run: y}\n", ("go.mod", "module x\n\ngo 1.22\n"));
        var automatic = GraphFilter.ForProvider(Load("jobs:\n  test:\n    steps: [{name: Test, run: y}]\n", ("go.mod", "module x\n")), "github");

        Names(explicitCheckout.Workflows[0].Jobs[0]).Should().Equal(
            "Lint", "Checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Download go modules", "Test", "Save go cache");
        Names(automatic.Workflows[0].Jobs[0]).Should().Equal(
            "checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Download go modules", "Test", "Save go cache");
    }

    [Fact]
    public void Prepare_steps_follow_the_options()
    {
        var graph = Load(
            "packages:\n  rust: {version: 1.79.0, components: [clippy, rustfmt]}\njobs:\n  test:\n    steps: [{name: Test, run: cargo test}]\n",
            ("Cargo.toml", ""), ("Cargo.lock", ""));
        var job = graph.Workflows[0].Jobs[0];

        Names(job).Should().Equal("Set up Rust", "Install the Rust toolchain", "Add Rust components", "Compute cache keys", "Restore cargo cache", "Fetch cargo dependencies", "Test", "Save cargo cache");
        job.Steps[1].Run.Should().Be("rustup toolchain install 1.79.0 --profile minimal\nrustup default 1.79.0");
        job.Steps[2].Run.Should().Be("rustup component add clippy rustfmt");
        job.Steps[5].Run.Should().Be("cargo fetch --locked");
    }

    [Theory]
    [InlineData("App.sln", "dotnet restore App.sln")]
    [InlineData("App.csproj", "dotnet restore")]
    public void Dotnet_restores_the_one_solution_at_the_root(string file, string install)
    {
        var job = Load("jobs:\n  test:\n    steps: [{name: Test, run: dotnet test}]\n", (file, "")).Workflows[0].Jobs[0];

        job.Steps.Single(s => s.Name == "Restore .NET packages").Run.Should().Be(install);
        job.Steps.Single(s => s.Kind == StepKind.RestoreCache).Paths.Should().Equal("~/.nuget/packages");
    }

    [Fact]
    public void Manager_version_is_a_key_value_and_a_pinned_version_is_asked_of_the_tool()
    {
        var job = Load("packages:\n  node: {version: '22'}\njobs:\n  test:\n    steps: [{run: y}]\n", ("package.json", "{}"), ("yarn.lock", ""), (".nvmrc", "20\n")).Workflows[0].Jobs[0];
        var restore = job.Steps.Single(s => s.Kind == StepKind.RestoreCache);

        restore.CacheKeys[0].Parts.Where(p => p.Kind == KeyPartKind.Value).Select(p => p.Name).Should().Equal("os", "os_version", "arch", "node", "yarn");
        job.Steps.Single(s => s.Kind == StepKind.KeyValues).Run.Should().NotContain(".nvmrc", "a pinned version ignores version files");
    }
}
