using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>Which packages and caches a job gets: the job's list, else the top-level list, else detection.</summary>
public class ResolutionTests
{
    private static readonly (string, string)[] RubyRepo = [("Gemfile", "source 'https://rubygems.org'\n"), (".ruby-version", "3.3.5\n")];

    private static Job Job(string config, params (string Path, string Content)[] files) => Jobs(config, files)[0];

    private static IReadOnlyList<Job> Jobs(string config, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", config), .. files]);
        return tree.Load().Clean().Workflows[0].Jobs;
    }

    [Fact]
    public void Without_packages_anywhere_the_repository_decides()
    {
        var job = Job("jobs:\n  test:\n    steps: [{run: rake}]\n", RubyRepo);

        job.Packages.Should().ContainSingle().Which.Should().BeEquivalentTo(new PackageUse
        {
            Name = "ruby", VersionFile = ".ruby-version", FileVersion = "3.3.5", SetupVersion = "3.3.5", Manager = "bundler",
        });
        job.Cache.Should().Equal("gems");
    }

    [Fact]
    public void Top_level_packages_replace_detection_and_a_job_list_replaces_both()
    {
        var jobs = Jobs("packages: [node]\njobs:\n  a:\n    steps: [{run: x}]\n  b:\n    packages: {rust: {components: [clippy]}}\n    steps: [{run: x}]\n",
            [.. RubyRepo, ("package.json", "{}")]);

        jobs[0].Packages.Select(p => p.Name).Should().Equal("node");
        jobs[0].Cache.Should().Equal("node_modules");
        jobs[1].Packages.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "rust", Components = new[] { "clippy" }, Manager = (string?)null });
        jobs[1].Cache.Should().BeEmpty("rust has nothing to install without a Cargo.toml");
    }

    [Fact]
    public void An_empty_packages_list_turns_packages_and_their_caches_off()
    {
        var job = Job("packages: []\njobs:\n  test:\n    steps: [{run: rake}]\n", RubyRepo);

        job.Packages.Should().BeEmpty();
        job.Cache.Should().BeEmpty();
        job.Steps.Select(s => s.Kind).Should().Equal(StepKind.Run);
    }

    [Fact]
    public void An_empty_cache_list_keeps_the_setup_and_install_but_caches_nothing()
    {
        var job = Job("jobs:\n  test:\n    cache: []\n    steps: [{run: rake}]\n", RubyRepo);

        job.Packages.Select(p => p.Name).Should().Equal("ruby");
        job.Steps.Select(s => s.Kind).Should().Equal(StepKind.SetupPackage, StepKind.Run, StepKind.Run);
        job.Steps[1].Name.Should().Be("Install gems");
    }

    [Fact]
    public void Cache_lists_replace_the_default_caches()
    {
        var jobs = Jobs("cache: [cargo]\njobs:\n  a:\n    steps: [{run: x}]\n  b:\n    cache: [gems, pip, gems]\n    steps: [{run: x}]\n", RubyRepo);

        jobs[0].Cache.Should().Equal("cargo", "cargo_target");
        jobs[1].Cache.Should().Equal("gems", "pip");
    }

    [Fact]
    public void Approval_gates_get_nothing_and_jobs_without_checkout_get_only_listed_packages()
    {
        var jobs = Jobs(
            "jobs:\n  gate:\n    type: approval\n  raw:\n    checkout: false\n    steps: [{run: x}]\n  listed:\n    checkout: false\n    packages: [ruby]\n    steps: [{run: x}]\n",
            RubyRepo);

        jobs[0].Should().BeEquivalentTo(new { Packages = Array.Empty<PackageUse>(), Cache = Array.Empty<string>(), Steps = Array.Empty<Step>() });
        jobs[1].Packages.Should().BeEmpty();
        jobs[1].Steps.Should().ContainSingle();
        jobs[2].Packages.Select(p => p.Name).Should().Equal("ruby");
        jobs[2].Steps[0].Kind.Should().Be(StepKind.SetupPackage, "without a checkout the injected steps come first");
    }

    [Theory]
    [InlineData("- checkout")]
    [InlineData("- {uses: actions/checkout@v4}")]
    [InlineData("- fetch")]
    public void A_job_that_places_its_own_checkout_gets_the_detected_packages_right_after_it(string checkout)
    {
        var job = Job(
            "commands:\n  fetch:\n    steps: [checkout]\njobs:\n  test:\n    checkout: false\n    steps:\n"
            + $"      - {{name: Before, run: x}}\n      {checkout}\n      - {{name: Test, run: rake}}\n",
            RubyRepo);

        job.Packages.Select(p => p.Name).Should().Equal("ruby");
        job.Cache.Should().Equal("gems");
        job.Steps.Select(s => s.Name).Skip(2).Should().Equal(
            "Set up Ruby", "Compute cache keys", "Restore gems cache", "Install gems", "Test", "Save gems cache");
    }

    [Theory]
    [InlineData("packages:\n  rust: {version: '1.78; echo PWNED'}\n", 2, 19, "`version` of", "not a version")]
    [InlineData("packages:\n  rust: {components: [clippy, '$(id)']}\n", 2, 31, "`$(id)`", "not a component name")]
    public void Versions_and_components_are_checked_against_a_safe_character_set(string packages, int line, int column, string what, string problem)
    {
        using var tree = new ConfigTree(("cigen.yml", packages + "jobs:\n  test:\n    steps: [{run: x}]\n"), ("Cargo.toml", ""));

        tree.Load().Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", line, column, what, problem);
    }
}
