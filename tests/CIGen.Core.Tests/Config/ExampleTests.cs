using CIGen.Core.Tests.Support;

namespace CIGen.Core.Tests.Config;

public class ExampleTests
{
    private static string Split => Path.Combine(Fixtures.Examples, "split");

    private static string Inline => Path.Combine(Fixtures.Examples, "inline");

    [Fact]
    public void Split_example_loads_without_any_diagnostic()
    {
        var graph = Fixtures.Load(Split, ".cigen").Clean();

        graph.ConfigSource.Should().Be(".cigen");
        graph.Workflows.Select(w => w.Id).Should().Equal("ci", "nightly", "release");
        graph.Workflows[0].Jobs.Select(j => j.Id).Should().Equal("build", "server_lint", "server_test", "web_lint", "web_test");
        graph.Commands.Select(c => c.Name).Should().Equal("rust_components", "web_deps");
    }

    [Fact]
    public void Inline_example_loads_without_any_diagnostic()
    {
        var graph = Fixtures.Load(Inline, "cigen.yml").Clean();

        graph.ConfigSource.Should().Be("cigen.yml");
        graph.Workflows.SelectMany(w => w.Jobs).SelectMany(j => j.DefinitionFiles).Distinct().Should().Equal("cigen.yml");
    }

    [Fact]
    public void Split_and_inline_examples_resolve_to_the_same_graph()
    {
        var split = Fixtures.Load(Split, ".cigen").Clean();
        var inline = Fixtures.Load(Inline, "cigen.yml").Clean();

        GraphJson.WithoutLocations(inline).Should().Be(GraphJson.WithoutLocations(split));
    }

    [Fact]
    public void Loading_twice_gives_byte_identical_graphs()
    {
        Fixtures.Load(Split, ".cigen").Graph!.Json().Should().Be(Fixtures.Load(Split, ".cigen").Graph!.Json());
        Fixtures.Load(Inline, "cigen.yml").Graph!.Json().Should().Be(Fixtures.Load(Inline, "cigen.yml").Graph!.Json());
    }

    [Fact]
    public void A_job_is_defined_by_its_file_its_workflow_settings_its_commands_and_the_shared_config()
    {
        var graph = Fixtures.Load(Split, ".cigen").Clean();

        var lint = graph.Workflows[0].Jobs.Single(j => j.Id == "server_lint");
        lint.DefinitionFiles.Should().Equal(
            ".cigen/commands/rust_components.yml",
            ".cigen/config.yml",
            ".cigen/config/env.yml",
            ".cigen/config/source_file_groups.yml",
            ".cigen/workflows/ci.yml",
            ".cigen/workflows/ci/jobs/server_lint.yml");
        var verify = graph.Workflows[2].Jobs.Single(j => j.Id == "verify");
        verify.DefinitionFiles.Should().Equal(
            ".cigen/config.yml",
            ".cigen/config/env.yml",
            ".cigen/config/source_file_groups.yml",
            ".cigen/workflows/release/config.yml",
            ".cigen/workflows/release/jobs/verify.yml");
    }
}
