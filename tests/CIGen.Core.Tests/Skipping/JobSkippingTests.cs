using CIGen.Core.Hashing;
using CIGen.Core.Skipping;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Skipping;

/// <summary>Which jobs get <see cref="Job.Skipping"/>, and its hash script and markers.</summary>
public sealed class JobSkippingTests
{
    private static Graph Load(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load().Clean();
    }

    private static Job Job(Graph graph, string id) => graph.Workflows.Single().Jobs.Single(j => j.Id == id);

    [Fact]
    public void Only_jobs_with_source_files_that_do_not_say_skip_false_and_are_no_approval_are_skippable()
    {
        var graph = Load("""
            jobs:
              build:
                source_files: [src/**]
                steps: [{run: make}]
              lint:
                steps: [{run: make lint}]
              deploy:
                source_files: [src/**]
                skip: false
                steps: [{run: make deploy}]
              approve:
                type: approval
                source_files: [src/**]
            """);

        Job(graph, "build").Skipping.Should().NotBeNull();
        Job(graph, "lint").Skipping.Should().BeNull();
        Job(graph, "deploy").Skipping.Should().BeNull();
        Job(graph, "approve").Skipping.Should().BeNull();
        JobSkippings.WhyNotSkippable(Job(graph, "lint"), graph.Runners).Should().Be("no source_files");
        JobSkippings.WhyNotSkippable(Job(graph, "deploy"), graph.Runners).Should().Be("skip: false");
        JobSkippings.WhyNotSkippable(Job(graph, "approve"), graph.Runners).Should().Be("approval");
    }

    [Fact]
    public void The_hash_inputs_are_the_jobs_and_a_job_without_legs_has_one_marker_named_after_it()
    {
        var graph = Load("jobs:\n  build:\n    source_files: [src/**]\n    steps: [{run: make}]\n");
        var job = Job(graph, "build");

        job.Skipping!.Inputs.Should().BeEquivalentTo(new HashInputs { DefinitionFiles = ["cigen.yml"], Include = ["src/.*"] });
        job.Skipping.Markers.Should().Equal(new SkipMarker { Prefix = "cigen-skip-v1/linux-amd64/ci/build/" });
    }

    [Fact]
    public void The_hash_inputs_carry_the_source_file_groups_they_name_each_after_the_groups_it_names()
    {
        var graph = Load("""
            source_file_groups:
              app: ['@base', 'src/**', '!src/**/*.md']
              base: [package.json, '@empty']
              empty: []
              unused: [docs/**]
            jobs:
              build:
                source_files: ['@app', '@base', www/**]
                steps: [{run: make}]
            """);

        var inputs = Job(graph, "build").Skipping!.Inputs;

        // Every ERE is in include/exclude as before; the groups say which of them each group holds.
        inputs.Include.Should().Equal("package\\.json", "src/.*", "www/.*");
        inputs.Exclude.Should().Equal("src/(.*/)?[^/]*\\.md");
        inputs.Groups.Should().BeEquivalentTo(
            [
                new InputGroup { Name = "base", Include = ["package\\.json"] },
                new InputGroup { Name = "app", Groups = ["base"], Include = ["src/.*"], Exclude = ["src/(.*/)?[^/]*\\.md"] },
            ],
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void A_matrix_job_has_one_marker_per_leg_with_the_legs_arch()
    {
        var graph = Load("""
            jobs:
              test:
                source_files: [src/**]
                architectures: [amd64, arm64]
                matrix:
                  ruby: ['3.2', '3.3']
                  exclude: [{arch: arm64, ruby: '3.2'}]
                steps: [{run: make test}]
              unit:
                source_files: [src/**]
                matrix:
                  node: [20, 22]
                steps: [{run: make unit}]
            """);

        Job(graph, "test").Skipping!.Markers.Should().Equal(
            new SkipMarker { Leg = "amd64_3_2", Prefix = "cigen-skip-v1/linux-amd64/ci/test_amd64_3_2/" },
            new SkipMarker { Leg = "amd64_3_3", Prefix = "cigen-skip-v1/linux-amd64/ci/test_amd64_3_3/" },
            new SkipMarker { Leg = "arm64_3_3", Prefix = "cigen-skip-v1/linux-arm64/ci/test_arm64_3_3/" });
        Job(graph, "unit").Skipping!.Markers.Should().Equal(
            new SkipMarker { Leg = "20", Prefix = "cigen-skip-v1/linux-amd64/ci/unit_20/" },
            new SkipMarker { Leg = "22", Prefix = "cigen-skip-v1/linux-amd64/ci/unit_22/" });
    }

    [Theory]
    [InlineData("runs_on: macos-14", "macos")]
    [InlineData("runs_on: [self-hosted, macOS, ARM64]", "macos")]
    [InlineData("runs_on: windows-latest", "windows")]
    [InlineData("resource_class: windows.medium", "windows")]
    [InlineData("resource_class: macos.m1.medium.gen1", "macos")]
    [InlineData("runner: mac", "macos")]
    public void A_job_on_macos_or_windows_is_not_skippable_and_warns_at_the_job(string runner, string os)
    {
        // The hash script needs GNU find (-printf) and grep (-z): BSD tools on macOS and Git Bash on Windows lack them.
        using var tree = ConfigTree.Inline($$"""
            runners:
              mac:
                runs_on: [macos-15]
            jobs:
              build:
                source_files: [src/**]
                {{runner}}
                steps: [{run: make}]
              lint:
                source_files: [src/**]
                skip: false
                {{runner}}
                steps: [{run: make lint}]
            """);
        var result = tree.Load();

        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.Code.Should().Be("CIG050");
        (warning.File, warning.Line, warning.Column, warning.Job).Should().Be(("cigen.yml", 5, 3, "build"));
        warning.Message.Should().Contain($"runs on {os}; skipping needs a Linux runner").And.Contain("always runs");
        var job = Job(result.Graph!, "build");
        job.Skipping.Should().BeNull();
        JobSkippings.WhyNotSkippable(job, result.Graph!.Runners).Should().Be($"runs on {os}; skipping needs a Linux runner");
    }

    [Theory]
    [InlineData("runs_on: ubuntu-latest")]
    [InlineData("runs_on: [self-hosted, linux-windows-builder]")]
    [InlineData("resource_class: large")]
    public void A_job_on_linux_is_skippable_with_linux_markers(string runner)
    {
        var graph = Load($$"""
            jobs:
              build:
                source_files: [src/**]
                {{runner}}
                steps: [{run: make}]
            """);

        Job(graph, "build").Skipping!.Markers.Single().Prefix.Should().Be("cigen-skip-v1/linux-amd64/ci/build/");
    }

    [Fact]
    public void The_default_runners_labels_count_too()
    {
        using var tree = ConfigTree.Inline("runners:\n  mac: {runs_on: macos-15}\ndefault_runner: mac\njobs:\n  build:\n    source_files: [src/**]\n    steps: [{run: make}]\n");
        var result = tree.Load();

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("CIG050");
        Job(result.Graph!, "build").Skipping.Should().BeNull();
    }
}
