using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

public class DefaultsAndGroupsTests
{
    private static Job OnlyJob(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load().Clean().Workflows[0].Jobs[0];
    }

    [Fact]
    public void Architecture_aliases_become_canonical_names()
    {
        OnlyJob("jobs:\n  a:\n    architectures: [X64, ARM64]\n    steps: [checkout]\n").Architectures.Should().Equal("amd64", "arm64");
        OnlyJob("jobs:\n  a:\n    architectures: [arm64, amd64]\n    steps: [checkout]\n").Architectures.Should().Equal("arm64", "amd64");
    }

    [Fact]
    public void Top_level_lists_are_defaults_that_a_job_list_replaces()
    {
        const string defaults = "architectures: [x64]\npackages: [node]\ncache: node_modules\n";
        var inherits = OnlyJob(defaults + "jobs:\n  a:\n    steps: [checkout]\n");
        var replaces = OnlyJob(defaults + "jobs:\n  a:\n    architectures: [arm64]\n    packages: {rust: {components: [clippy]}}\n    cache: [cargo]\n    steps: [checkout]\n");

        (inherits.Architectures, inherits.Packages.Select(p => p.Name), inherits.Cache).Should().BeEquivalentTo((new[] { "amd64" }, new[] { "node" }, new[] { "node_modules" }));
        (replaces.Architectures, replaces.Packages.Select(p => p.Name), replaces.Cache).Should().BeEquivalentTo((new[] { "arm64" }, new[] { "rust" }, new[] { "cargo", "cargo_target" }));
        replaces.Packages[0].Components.Should().Equal("clippy");
    }

    [Fact]
    public void Groups_expand_in_place_nested_and_each_glob_once()
    {
        var job = OnlyJob(
            "source_file_groups:\n  rust: ['**/*.rs', Cargo.lock]\n  all: ['@rust', Makefile]\n" +
            "jobs:\n  a:\n    source_files: ['docs/**', '@all', Cargo.lock, '!target/**']\n    steps: [checkout]\n");

        job.SourceFiles.Should().Equal("docs/**", "**/*.rs", "Cargo.lock", "Makefile", "!target/**");
    }

    [Fact]
    public void A_single_group_or_glob_is_a_list_of_one()
    {
        OnlyJob("source_file_groups:\n  rust: '**/*.rs'\njobs:\n  a:\n    source_files: '@rust'\n    steps: [checkout]\n")
            .SourceFiles.Should().Equal("**/*.rs");
    }

    [Fact]
    public void A_group_including_itself_is_reported()
    {
        using var tree = ConfigTree.Inline("source_file_groups:\n  a: ['@b']\n  b: ['@a']\njobs:\n  j:\n    source_files: '@a'\n    steps: [checkout]\n");

        tree.Load().Single().ShouldBe(DiagnosticCodes.UnknownGroup, "cigen.yml", 3, 7, "includes itself (@a → @b → @a)");
    }

    [Fact]
    public void The_default_runner_applies_where_a_job_names_none()
    {
        const string runners = "runners:\n  big: {runs_on: [self-hosted, big]}\ndefault_runner: big\n";

        OnlyJob(runners + "jobs:\n  a:\n    steps: [checkout]\n").Runner.Should().BeEquivalentTo(new RunnerSelection { Profile = "big" });
        OnlyJob(runners + "jobs:\n  a:\n    runs_on: ubuntu-24.04\n    steps: [checkout]\n").Runner
            .Should().BeEquivalentTo(new RunnerSelection { RunsOn = ["ubuntu-24.04"] });
        OnlyJob("jobs:\n  a:\n    steps: [checkout]\n").Runner.Should().BeNull();
    }
}
