using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Files;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Core.Tests.Caching;

/// <summary>Packages outside the project root: the <c>path</c> option, the subdirectory search, and what a directory changes.</summary>
public class PackageDirectoryTests
{
    /// <summary>A Ruby app in apps/api beside a pnpm workspace at the root.</summary>
    private static readonly (string, string)[] Monorepo =
    [
        ("package.json", "{\n  \"name\": \"mono\",\n  \"packageManager\": \"pnpm@9.1.0\"\n}\n"),
        ("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"),
        (".nvmrc", "v20.11.0\n"),
        ("apps/api/Gemfile", "source 'https://rubygems.org'\ngem 'rack'\n"),
        ("apps/api/Gemfile.lock", "GEM\n  specs:\n\nBUNDLED WITH\n   2.5.6\n"),
        ("apps/api/.ruby-version", "ruby-3.3.5\n"),
    ];

    private static LoadResult Load(string config, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", config), .. files]);
        return tree.Load();
    }

    private static Job Job(string config, params (string Path, string Content)[] files) => Load(config, files).Clean().Workflows[0].Jobs[0];

    private static PackageUse Ruby(Job job) => job.Packages.Single(p => p.Name == "ruby");

    [Fact]
    public void An_explicit_path_is_the_packages_directory()
    {
        var job = Job("packages:\n  ruby: {path: ./apps/api/}\njobs:\n  test:\n    steps: [{run: rake}]\n", Monorepo);

        Ruby(job).Should().BeEquivalentTo(new
        {
            Directory = "apps/api", VersionFile = "apps/api/.ruby-version", FileVersion = "3.3.5", Manager = "bundler",
            Options = new Dictionary<string, Scalar> { ["path"] = "apps/api" },
        });
        job.Cache.Should().Equal("gems");
    }

    [Fact]
    public void A_listed_package_missing_from_the_root_is_found_in_its_one_subdirectory()
    {
        var job = Job("packages: [ruby, node]\njobs:\n  test:\n    steps: [{run: rake}]\n",
            [.. Monorepo, ("node_modules/x/Gemfile", ""), (".cache/Gemfile", ""), ("vendor/y/Gemfile", ""), ("a/b/c/d/Gemfile", "")]);

        Ruby(job).Directory.Should().Be("apps/api", "node_modules, vendor, dot-directories and depth 4 are not searched");
        job.Packages.Single(p => p.Name == "node").Should().BeEquivalentTo(new { Directory = (string?)null, Manager = "pnpm", VersionFile = ".nvmrc" });
    }

    [Fact]
    public void Several_candidate_directories_warn_and_the_first_in_ordinal_order_is_used()
    {
        var result = Load("jobs:\n  a:\n    packages: [ruby]\n    steps: [{run: rake}]\n  b:\n    packages: [ruby]\n    steps: [{run: rake}]\n",
            [.. Monorepo, ("tools/lint/Gemfile", "")]);

        var warning = result.Single();
        warning.Should().BeEquivalentTo(new { Severity = Severity.Warning, Code = "CIG046", File = "cigen.yml" }, "one warning, not one per job");
        warning.Message.Should().Contain("apps/api, tools/lint").And.Contain("`path`");
        result.Graph!.Workflows[0].Jobs.Should().AllSatisfy(j => Ruby(j).Directory.Should().Be("apps/api"));
    }

    [Theory]
    [InlineData("apps/web", "directory `apps/web` does not exist")]
    [InlineData("../other", "leaves the project root")]
    [InlineData("/srv/api", "is not relative")]
    [InlineData("apps\\\\api", "write '/'")]
    public void A_bad_path_is_an_error_at_the_value(string path, string message)
    {
        var diagnostic = Load($"packages:\n  ruby: {{path: \"{path}\"}}\njobs:\n  test:\n    steps: [{{run: rake}}]\n", Monorepo).Single();

        diagnostic.Should().BeEquivalentTo(new { Severity = Severity.Error, Code = "CIG045", Line = 2, Column = 16 });
        diagnostic.Message.Should().Contain(message);
    }

    [Fact]
    public void Automatic_detection_stays_in_the_root()
    {
        var job = Job("jobs:\n  test:\n    steps: [{run: rake}]\n", Monorepo);

        job.Packages.Select(p => p.Name).Should().Equal("node");
    }

    [Fact]
    public void The_packages_caches_install_and_setup_live_in_its_directory()
    {
        var job = Job("packages:\n  ruby: {path: apps/api}\n  node:\njobs:\n  test:\n    steps: [{run: rake}]\n", Monorepo);

        var gems = job.Steps.OfType<RestoreCacheStep>().Single(s => s.Cache == "gems");
        gems.Paths.Should().Equal("apps/api/vendor/bundle", "apps/api/.bundle");
        gems.CacheKeys[0].Parts[^1].Should().BeEquivalentTo(new KeyPart.Checksum(new[] { "apps/api/Gemfile", "apps/api/Gemfile.lock" }, "files_gems"));
        AutomaticCacheKey.Render(gems.CacheKeys[1].Unfolded(job), Values).Should().Be("linux-ubuntu24.04-x64-gems-ruby3.3.5-bundler2.5.6-", "names and value names stay");
        job.Steps.OfType<SaveCacheStep>().Single(s => s.Cache == "gems").Paths.Should().Equal("apps/api/vendor/bundle", "apps/api/.bundle");
        job.Steps.OfType<RestoreCacheStep>().Single(s => s.Cache == "node_modules").Paths.Should().Equal("node_modules");

        job.Steps.OfType<RunStep>().Single(s => s.Name == "Install gems").WorkingDirectory.Should().Be("apps/api");
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Install pnpm dependencies").WorkingDirectory.Should().BeNull();
        job.Steps.OfType<SetupPackageStep>().Single(s => s.Package!.Name == "ruby").Package!.Directory.Should().Be("apps/api");
        job.Steps.OfType<KeyValuesStep>().Should().ContainSingle("the digests and probes take root-relative paths, and a key_values step has no working directory");
    }

    private static readonly Dictionary<string, string> Values = new()
    {
        ["os"] = "linux", ["os_version"] = "ubuntu24.04", ["arch"] = "x64", ["ruby"] = "3.3.5", ["bundler"] = "2.5.6", ["files_gems"] = "<sum>",
    };

    [Fact]
    public void Version_files_in_the_directory_win_and_the_root_is_the_fallback()
    {
        (string, string)[] withRootToolVersions = [.. Monorepo.Where(f => f.Item1 != "apps/api/.ruby-version"), (".tool-versions", "nodejs 20.1.0\nruby 3.2.2\n")];
        const string config = "packages:\n  ruby: {path: apps/api}\njobs:\n  test:\n    steps: [{run: rake}]\n";

        Ruby(Job(config, withRootToolVersions)).Should().BeEquivalentTo(new { VersionFile = ".tool-versions", FileVersion = "3.2.2" });
        Ruby(Job(config, [.. Monorepo, (".tool-versions", "ruby 3.2.2\n")])).Should().BeEquivalentTo(new { VersionFile = "apps/api/.ruby-version", FileVersion = "3.3.5" });
        Ruby(Job("packages:\n  ruby: {path: apps/api, version_file: .ruby-version}\njobs:\n  test:\n    steps: [{run: rake}]\n", [.. Monorepo, (".ruby-version", "2.7.8\n")]))
            .Should().BeEquivalentTo(new { VersionFile = "apps/api/.ruby-version", FileVersion = "3.3.5" }, "the version_file option is looked for in the directory first too");
    }

    [Fact]
    public void The_runtime_reads_the_packages_files_in_its_directory_then_the_root()
    {
        using var tree = new ConfigTree([("cigen.yml", "packages:\n  ruby: {path: apps/api}\n  node:\njobs:\n  test:\n    steps: [{run: rake}]\n"),
            .. Monorepo, (".ruby-version", "2.7.8\n"), ("Gemfile.lock", "BUNDLED WITH\n   1.17.3\n")]);
        var job = tree.Load().Clean().Workflows[0].Jobs[0];
        var result = RuntimeRun.Run(CigenRuntime.Keys, job.KeySpec(), tree.Root);

        result.ExitCode.Should().Be(0, result.StandardError);
        var values = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        values.Should().Contain("ruby", "3.3.5").And.Contain("bundler", "2.5.6").And.Contain("node", "20.11.0").And.Contain("pnpm", "9.1.0");
        values["files_gems"].Should().Be(TreeDigest.Compute(tree.Root, ["apps/api/Gemfile", "apps/api/Gemfile.lock"]));
    }

    [Fact]
    public void Without_files_in_the_directory_the_runtime_falls_back_to_the_root()
    {
        using var tree = new ConfigTree([("cigen.yml", "packages:\n  ruby: {path: apps/api}\njobs:\n  test:\n    steps: [{run: rake}]\n"),
            .. Monorepo.Where(f => f.Item1 != "apps/api/.ruby-version"), (".tool-versions", "ruby 3.2.2\n")]);
        var job = tree.Load().Clean().Workflows[0].Jobs[0];
        var result = RuntimeRun.Run(CigenRuntime.Keys, job.KeySpec(), tree.Root);

        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Split('\n').Should().Contain("ruby=3.2.2");
    }

    [Theory]
    [InlineData("vendor/bundle", "apps/api/vendor/bundle")]
    [InlineData("./target/", "apps/api/target/")]
    [InlineData("**/*.csproj", "apps/api/**/*.csproj")]
    [InlineData("!x.lock", "!apps/api/x.lock")]
    [InlineData("~/.cache/pip", "~/.cache/pip")]
    [InlineData("/opt/cache", "/opt/cache")]
    public void Relative_paths_and_globs_are_prefixed_with_the_directory(string path, string expected) =>
        PackageDirectory.Prefix("apps/api", path).Should().Be(expected);

    [Theory]
    [InlineData("./apps//api/", "apps/api")]
    [InlineData(".", ".")]
    [InlineData("./", ".")]
    public void Paths_are_normalised(string text, string expected) => PackageDirectory.Normalise(text).Path.Should().Be(expected);

    [Fact]
    public void Path_dot_means_the_root_and_turns_the_search_off()
    {
        var job = Job("packages:\n  ruby: {path: .}\njobs:\n  test:\n    steps: [{run: rake}]\n", Monorepo);

        Ruby(job).Should().BeEquivalentTo(new { Directory = (string?)null, Manager = (string?)null });
    }
}
