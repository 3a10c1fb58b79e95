using CIGen.Core.Config;
using CIGen.Core.Tests.Support;

namespace CIGen.Core.Tests.Config;

public class ConfigLocatorTests
{
    private const string Job = "steps: [checkout]\n";

    [Fact]
    public void Default_prefers_cigen_yml_then_the_cigen_directory()
    {
        using var tree = ConfigTree.Split(("workflows/ci/jobs/a.yml", Job));

        ConfigLocator.Find(tree.Root, null).Should().Be(new ConfigLocation(Path.Combine(tree.Root, ".cigen"), tree.Root, IsSplit: true));
        tree.Write("cigen.yml", "jobs: {a: {steps: [checkout]}}\n");
        ConfigLocator.Find(tree.Root, null).Should().Be(new ConfigLocation(Path.Combine(tree.Root, "cigen.yml"), tree.Root, IsSplit: false));
    }

    [Fact]
    public void Nothing_found_is_null()
    {
        using var tree = new ConfigTree();

        ConfigLocator.Find(tree.Root, null).Should().BeNull();
        ConfigLocator.Find(tree.Root, "missing.yml").Should().BeNull();
    }

    [Fact]
    public void An_explicit_directory_is_a_split_config_rooted_at_its_parent()
    {
        using var tree = new ConfigTree(("project/ci-config/workflows/ci/jobs/a.yml", Job));

        ConfigLocator.Find(tree.Root, "project/ci-config/").Should().Be(
            new ConfigLocation(Path.Combine(tree.Root, "project", "ci-config"), Path.Combine(tree.Root, "project"), IsSplit: true));
    }

    [Fact]
    public void An_explicit_file_is_an_inline_config_rooted_at_its_directory()
    {
        using var tree = new ConfigTree(("sub/pipeline.yml", "jobs: {a: {steps: [checkout]}}\n"));

        ConfigLocator.Find(tree.Root, "sub/pipeline.yml").Should().Be(
            new ConfigLocation(Path.Combine(tree.Root, "sub", "pipeline.yml"), Path.Combine(tree.Root, "sub"), IsSplit: false));
    }

    [Fact]
    public void Cigen_config_yml_is_inline_alone_and_split_beside_workflows()
    {
        using var tree = ConfigTree.Split(("config.yml", "jobs: {a: {steps: [checkout]}}\n"));
        var file = Path.Combine(tree.Root, ".cigen", "config.yml");

        ConfigLocator.Find(tree.Root, file).Should().Be(new ConfigLocation(file, tree.Root, IsSplit: false));
        tree.Load(file).Clean().Workflows[0].Jobs[0].DefinitionFiles.Should().Equal(".cigen/config.yml");

        tree.Write(".cigen/workflows/ci/jobs/b.yml", Job);
        ConfigLocator.Find(tree.Root, file).Should().Be(new ConfigLocation(Path.Combine(tree.Root, ".cigen"), tree.Root, IsSplit: true));
    }
}
