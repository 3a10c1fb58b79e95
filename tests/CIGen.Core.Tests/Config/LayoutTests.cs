using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

/// <summary>Where workflows, jobs and commands may be written, and the order they come out in.</summary>
public class LayoutTests
{
    private const string Job = "steps: [checkout]\n";

    [Fact]
    public void Top_level_jobs_belong_to_workflow_ci_which_runs_on_push_and_pull_request_by_default()
    {
        using var tree = ConfigTree.Inline("jobs:\n  test:\n    steps: [checkout]\n");
        var workflow = tree.Load().Clean().Workflows.Single();

        workflow.Id.Should().Be("ci");
        workflow.Source.Should().Be(new SourceLocation("cigen.yml", 1, 1));
        workflow.Triggers.Select(t => t.Event).Should().Equal("push", "pull_request");
        workflow.Jobs.Single().Source.Should().Be(new SourceLocation("cigen.yml", 2, 3));
    }

    [Fact]
    public void Split_jobs_take_their_id_from_the_file_name_in_name_order()
    {
        using var tree = ConfigTree.Split(("workflows/ci/jobs/zeta.yml", Job), ("workflows/ci/jobs/alpha.yml", Job), ("workflows/ci/jobs/Beta.yml", Job));

        tree.Load().Clean().Workflows[0].Jobs.Select(j => j.Id).Should().Equal("Beta", "alpha", "zeta");
    }

    [Fact]
    public void Workflows_named_in_config_yml_come_first_then_directories_in_name_order()
    {
        using var tree = ConfigTree.Split(
            ("config.yml", "workflows:\n  zz:\n    name: Last in name order, first here\n"),
            ("workflows/aa/jobs/a.yml", Job),
            ("workflows/zz/jobs/a.yml", Job),
            ("workflows/mm.yml", "jobs:\n  inline_job:\n    steps: [checkout]\n"));

        var graph = tree.Load().Clean();

        graph.Workflows.Select(w => w.Id).Should().Equal("zz", "aa", "mm");
        graph.Workflows[0].Name.Should().Be("Last in name order, first here");
        graph.Workflows[2].Jobs.Single().DefinitionFiles.Should().Equal(".cigen/config.yml", ".cigen/workflows/mm.yml");
    }

    [Fact]
    public void Jobs_may_also_be_written_inline_in_a_split_config()
    {
        using var tree = ConfigTree.Split(
            ("config.yml", "jobs:\n  from_config:\n    steps: [checkout]\n"),
            ("workflows/ci/config.yml", "jobs:\n  from_workflow:\n    steps: [checkout]\n"),
            ("workflows/ci/jobs/from_file.yml", Job));

        tree.Load().Clean().Workflows.Single().Jobs.Select(j => j.Id).Should().Equal("from_config", "from_workflow", "from_file");
    }

    [Fact]
    public void Hidden_files_and_notes_in_the_tree_are_ignored()
    {
        using var tree = ConfigTree.Split(("workflows/ci/jobs/a.yml", Job), ("workflows/ci/jobs/.gitkeep", ""), ("commands/README.md", "# notes"));

        tree.Load().Clean();
    }

    [Fact]
    public void An_empty_config_yml_is_fine()
    {
        using var tree = ConfigTree.Split(("config.yml", "# nothing yet\n"), ("workflows/ci/jobs/a.yml", Job));

        tree.Load().Clean();
    }

    [Fact]
    public void Provider_path_is_relative_to_the_output_root()
    {
        using var tree = ConfigTree.Split(("config.yml", "provider_path: bin/providers\n"), ("workflows/ci/jobs/a.yml", Job));

        tree.Load().Options.ProviderPaths.Should().Equal(Path.Combine(tree.Root, "bin", "providers"));
    }
}
