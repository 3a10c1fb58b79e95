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

    private static PackageUse? PackageOf(Step step) => step switch
    {
        SetupPackageStep setup => setup.Package,
        RunStep run => run.Package,
        _ => null,
    };

    private static IEnumerable<string> Names(Job job) => job.Steps.Select(s => s.Name ?? (s as CommandStep)?.Command ?? s.Kind);

    [Fact]
    public void A_ruby_and_pnpm_job_looks_like_the_sample_providers_render()
    {
        var graph = GraphFilter.ForProvider(Load("jobs:\n  test:\n    steps:\n      - {name: Test, run: bundle exec rake test}\n", RubyPnpmRepo), "github");
        var job = graph.Workflows[0].Jobs[0];
        var sample = CachingSample.Test();

        job.Steps.Select(s => (s.Kind, s.Name, s.Id, (s as CacheEntryStep)?.Cache)).Should().Equal(sample.Steps.Select(s => (s.Kind, s.Name, s.Id, (s as CacheEntryStep)?.Cache)));
        job.Packages.Should().BeEquivalentTo(sample.Packages, o => o.WithStrictOrdering());
        job.Cache.Should().Equal(sample.Cache);
        var keyValues = job.Steps.OfType<KeyValuesStep>().Single();
        keyValues.Values.Should().Equal(sample.Steps.OfType<KeyValuesStep>().Single().Values);
        keyValues.KeyValues.Should().NotBeEmpty();
        var gems = job.Steps.OfType<CacheEntryStep>().Where(s => s.Cache == "gems").ToList();
        gems.Should().BeEquivalentTo(sample.Steps.OfType<CacheEntryStep>().Where(s => s.Cache == "gems"), o => o.Excluding(s => s.Source).WithStrictOrdering().RespectingRuntimeTypes());
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Install pnpm dependencies").Run.Should().Be("pnpm install --frozen-lockfile");
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Install gems").Run.Should().Be("bundle config set --local path vendor/bundle\nbundle install --jobs 4 --retry 3");
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Enable pnpm").Run.Should().Contain("corepack enable pnpm");
        job.Steps.OfType<RunStep>().Where(s => s.Name != "Test").Should().OnlyContain(s => s.Shell == "bash" && s.Source == job.Source);
        // The injected runs carry their package, so a provider tells them from the user's: the sample's do too.
        job.Steps.Select(s => (s.Name, PackageOf(s)?.Name)).Should().Equal(sample.Steps.Select(s => (s.Name, PackageOf(s)?.Name)));
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
            "Lint", "Checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Restore go_build cache", "Download go modules", "Test", "Save go cache", "Save go_build cache");
        Names(automatic.Workflows[0].Jobs[0]).Should().Equal(
            "checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Restore go_build cache", "Download go modules", "Test", "Save go cache", "Save go_build cache");
    }

    [Fact]
    public void Prepare_steps_follow_the_options()
    {
        var graph = Load(
            "packages:\n  rust: {version: 1.79.0, components: [clippy, rustfmt]}\njobs:\n  test:\n    steps: [{name: Test, run: cargo test}]\n",
            ("Cargo.toml", ""), ("Cargo.lock", ""));
        var job = graph.Workflows[0].Jobs[0];

        Names(job).Should().Equal("Set up Rust", "Install the Rust toolchain", "Add Rust components", "Compute cache keys", "Restore cargo cache", "Restore cargo_target cache", "Fetch cargo dependencies", "Test", "Save cargo cache", "Save cargo_target cache");
        ((RunStep)job.Steps[1]).Run.Should().Be("rustup toolchain install 1.79.0 --profile minimal\nrustup default 1.79.0");
        ((RunStep)job.Steps[2]).Run.Should().Be("rustup component add clippy rustfmt");
        ((RunStep)job.Steps[6]).Run.Should().Be("cargo fetch --locked");
    }

    [Theory]
    [InlineData("App.sln", "dotnet restore App.sln")]
    [InlineData("My App.sln", "dotnet restore 'My App.sln'")]
    [InlineData("App.csproj", "dotnet restore")]
    public void Dotnet_restores_the_one_solution_at_the_root(string file, string install)
    {
        var job = Load("jobs:\n  test:\n    steps: [{name: Test, run: dotnet test}]\n", (file, "")).Workflows[0].Jobs[0];

        job.Steps.OfType<RunStep>().Single(s => s.Name == "Restore .NET packages").Run.Should().Be(install);
        job.Steps.OfType<RestoreCacheStep>().Single().Paths.Should().Equal("~/.nuget/packages");
    }

    [Fact]
    public void Manager_version_is_a_key_value_and_a_pinned_version_is_asked_of_the_tool()
    {
        var job = Load("packages:\n  node: {version: '22'}\njobs:\n  test:\n    steps: [{run: y}]\n", ("package.json", "{}"), ("yarn.lock", ""), (".nvmrc", "20\n")).Workflows[0].Jobs[0];
        var restore = job.Steps.OfType<RestoreCacheStep>().Single();

        restore.CacheKeys[0].Unfolded(job).Parts.OfType<KeyPart.Value>().Select(p => p.Name).Should().Equal("os", "os_version", "arch", "node", "yarn");
        job.KeySpec().Should().NotContain(".nvmrc", "a pinned version ignores version files");
    }

    [Fact]
    public void Each_provider_gets_the_steps_after_the_checkout_it_keeps()
    {
        var graph = Load(
            "jobs:\n  test:\n    steps:\n      - {checkout: null, only: [circleci]}\n      - {uses: actions/checkout@v4, name: Checkout, only: [github-actions]}\n      - {name: Test, run: y}\n",
            ("go.mod", "module x\n"));

        Names(GraphFilter.ForProvider(graph, "github").Workflows[0].Jobs[0]).Should().Equal(
            "Checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Restore go_build cache", "Download go modules", "Test", "Save go cache", "Save go_build cache");
        Names(GraphFilter.ForProvider(graph, "circleci").Workflows[0].Jobs[0]).Should().Equal(
            "checkout", "Set up Go", "Compute cache keys", "Restore go cache", "Restore go_build cache", "Download go modules", "Test", "Save go cache", "Save go_build cache");
    }

    [Fact]
    public void Placing_an_already_placed_job_again_changes_nothing()
    {
        var graph = GraphFilter.ForProvider(Load("jobs:\n  test:\n    steps: [{name: Test, run: y}]\n", ("go.mod", "module x\n")), "github");

        var again = GraphFilter.ForProvider(graph, "github").Workflows[0].Jobs[0];

        again.Steps.Should().Equal(graph.Workflows[0].Jobs[0].Steps);
        again.Steps.Should().OnlyContain(s => !s.FollowsCheckout);
    }

    [Fact]
    public void Values_from_the_config_reach_bash_as_single_words()
    {
        var job = Load("packages:\n  rust: {version: 'nightly-2024-01-01', components: [rust-src]}\njobs:\n  test:\n    steps: [{run: y}]\n", ("Cargo.toml", "")).Workflows[0].Jobs[0];

        job.Steps.OfType<RunStep>().Single(s => s.Name == "Add Rust components").Run.Should().Be("rustup component add rust-src");
        job.Steps.OfType<RunStep>().First(s => s.Name == "Install the Rust toolchain").Run.Should().StartWith("rustup toolchain install nightly-2024-01-01 ");
    }

    [Theory]
    [InlineData("package-lock.json", "~/.npm")]
    [InlineData("pnpm-lock.yaml", "node_modules")]
    public void Npm_caches_its_download_cache_because_npm_ci_deletes_node_modules(string lockFile, string path)
    {
        var job = Load("jobs:\n  test:\n    steps: [{run: y}]\n", ("package.json", "{}"), (lockFile, "")).Workflows[0].Jobs[0];

        job.Steps.OfType<CacheEntryStep>().Where(s => s.Cache == "node_modules").Should().HaveCount(2).And.OnlyContain(s => s.Paths.SequenceEqual(new[] { path }));
    }

    [Fact]
    public void An_install_option_replaces_the_built_in_install_command_in_place()
    {
        var job = Load(
            "packages:\n  node: {package_manager: yarn, install: yarn workspaces focus --production}\njobs:\n  test:\n    steps: [{name: Test, run: yarn test}]\n",
            ("package.json", "{}"), ("yarn.lock", "")).Workflows[0].Jobs[0];
        var builtIn = Load("packages:\n  node: {package_manager: yarn}\njobs:\n  test:\n    steps: [{name: Test, run: yarn test}]\n",
            ("package.json", "{}"), ("yarn.lock", "")).Workflows[0].Jobs[0];

        var install = job.Steps.OfType<RunStep>().Single(s => s.Name == "Install yarn dependencies");
        install.Run.Should().Be("yarn workspaces focus --production");
        install.Package!.Name.Should().Be("node");
        Names(job).Should().Equal(Names(builtIn), "only the command changes; the step keeps its name and place");
        builtIn.Steps.OfType<RunStep>().Single(s => s.Name == "Install yarn dependencies").Run.Should().NotBe(install.Run);
    }

    [Fact]
    public void A_users_own_node_modules_definition_keeps_its_paths_with_npm()
    {
        var job = Load("cache_definitions:\n  node_modules:\n    paths: [node_modules]\njobs:\n  test:\n    steps: [{run: y}]\n", ("package.json", "{}"), ("package-lock.json", "")).Workflows[0].Jobs[0];

        job.Steps.OfType<RestoreCacheStep>().Single().Paths.Should().Equal("node_modules");
    }

    [Theory]
    [InlineData("pyproject.toml", "pip")]
    [InlineData("Pipfile", "pip")]
    [InlineData("setup.py", "pip")]
    [InlineData("setup.cfg", "pip")]
    [InlineData("Cargo.toml", "cargo")]
    public void Keys_change_with_the_manifest_when_there_is_no_lock_file(string manifest, string cache)
    {
        var files = cache == "pip" ? new[] { (manifest, ""), ("requirements.txt", "") } : new[] { (manifest, "") };
        var job = Load("jobs:\n  test:\n    steps: [{run: y}]\n", files).Workflows[0].Jobs[0];

        job.Steps.OfType<RestoreCacheStep>().Single(s => s.Cache == cache).CacheKeys[0].Parts[^1].Should().BeOfType<KeyPart.Checksum>().Which.Files.Should().Contain(manifest);
    }

    [Theory]
    [InlineData(true, "PIPENV_VENV_IN_PROJECT=1 pipenv sync --dev")]
    [InlineData(false, "PIPENV_VENV_IN_PROJECT=1 pipenv install --dev")]
    public void Pipenv_syncs_only_from_a_lock_file(bool locked, string command)
    {
        (string, string)[] files = locked ? [("Pipfile", ""), ("Pipfile.lock", "{}")] : [("Pipfile", "")];
        var job = Load("jobs:\n  test:\n    steps: [{run: y}]\n", files).Workflows[0].Jobs[0];

        job.Steps.OfType<RunStep>().Single(s => s.Name == "Install pipenv dependencies").Run.Should().Be("python -m pip install pipenv\n" + command);
    }

    [Theory]
    [InlineData("uv", "~/.cache/uv", "uv sync --frozen")]
    [InlineData("pdm", "~/.cache/pdm", "pdm sync")]
    public void Uv_and_pdm_install_from_their_lock_file_and_key_their_own_cache_on_it(string manager, string downloads, string sync)
    {
        var lockFile = $"{manager}.lock";
        var job = Load("jobs:\n  test:\n    steps: [{run: y}]\n", ("pyproject.toml", ""), (lockFile, ""), ("requirements.txt", "")).Workflows[0].Jobs[0];

        job.Cache.Should().Equal(manager);
        job.Steps.OfType<RunStep>().Single(s => s.Name == $"Install {manager} dependencies").Run.Should().Be(
            $"command -v {manager} >/dev/null 2>&1 || python -m pip install {manager}\n{sync}");
        job.Steps.Should().NotContain(s => s.Name == "Install pip dependencies");
        var restore = job.Steps.OfType<RestoreCacheStep>().Single();
        restore.Paths.Should().Equal(".venv", downloads);
        restore.CacheKeys[0].Unfolded(job).Parts.OfType<KeyPart.Value>().Select(p => p.Name).Should().Equal("os", "os_version", "arch", "python");
        restore.CacheKeys[0].Parts[^1].Should().BeOfType<KeyPart.Checksum>().Which.Files.Should().Equal(lockFile, "pyproject.toml");
    }

    [Fact]
    public void Python_keys_hold_the_installed_interpreter_before_the_version_file()
    {
        var script = Load("jobs:\n  test:\n    steps: [{run: y}]\n", ("requirements.txt", ""), (".python-version", "3.12\n")).Workflows[0].Jobs[0].KeySpec();

        script.IndexOf("python3 --version", StringComparison.Ordinal).Should().BeLessThan(script.IndexOf("file .python-version", StringComparison.Ordinal));
    }
}
