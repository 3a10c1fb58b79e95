using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>The user's cache_definitions and version_sources, merged with the built-ins by name (user wins).</summary>
public class CacheDefinitionTests
{
    private static LoadResult Load(string config, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", config + "jobs:\n  test:\n    steps: [{run: x}]\n"), .. files]);
        return tree.Load();
    }

    [Fact]
    public void Overriding_a_built_in_cache_replaces_it_in_place_and_keeps_its_package()
    {
        var graph = Load("cache_definitions:\n  gems:\n    versions: [ruby]\n    paths: [vendor/gems]\n  turbo:\n    versions: [node]\n    paths: [.turbo]\n", ("Gemfile", "")).Clean();
        var job = graph.Workflows[0].Jobs[0];

        graph.CacheDefinitions.Select(d => d.Name).Should().Equal("gems", "node_modules", "pip", "uv", "pdm", "cargo", "cargo_target", "go", "go_build", "nuget", "turbo");
        graph.CacheDefinitions[0].Should().BeEquivalentTo(new CacheDefinition { Name = "gems", Versions = ["ruby"], Paths = ["vendor/gems"] });
        job.Cache.Should().Equal("gems");
        var restore = job.Steps.OfType<RestoreCacheStep>().Single();
        restore.Paths.Should().Equal("vendor/gems");
        restore.CacheKeys.Should().ContainSingle("a definition without checksum sources has no restore key");
        restore.CacheKeys[0].Unfolded(job).Parts[^1].Should().BeEquivalentTo(new KeyPart.Value("ruby"));
    }

    [Fact]
    public void Overriding_a_version_source_replaces_the_built_in()
    {
        var graph = Load("version_sources:\n  ruby:\n    - command: ruby -e 'print RUBY_VERSION'\n  rake:\n    - command: rake --version\n", ("Gemfile", "")).Clean();

        graph.VersionSources.Single(v => v.Tool == "ruby").Probes.Should().Equal(new VersionProbe(Command: "ruby -e 'print RUBY_VERSION'"));
        graph.VersionSources[^1].Tool.Should().Be("rake");
        graph.Workflows[0].Jobs[0].KeySpec().Should().Contain("RUBY_VERSION").And.NotContain(".ruby-version");
    }

    [Fact]
    public void Manager_placeholder_follows_the_package_of_the_definition()
    {
        var graph = Load("cache_definitions:\n  web:\n    package: node\n    versions: [$manager]\n    checksum_sources: ['{package,yarn}.{json,lock}']\n    paths: [node_modules]\ncache: [web]\n",
            ("package.json", "{}"), ("yarn.lock", "")).Clean();
        var restore = graph.Workflows[0].Jobs[0].Steps.OfType<RestoreCacheStep>().Single();

        restore.CacheKeys[0].Unfolded(graph.Workflows[0].Jobs[0]).Parts.OfType<KeyPart.Literal>().Select(p => p.Text).Should().Contain(["yarn", "-"]);
        ((KeyPart.Checksum)restore.CacheKeys[0].Parts[^1]).Files.Should().Equal("package.json", "package.lock", "yarn.json", "yarn.lock");
    }

    [Fact]
    public void An_unknown_package_is_an_error()
    {
        Load("cache_definitions:\n  web:\n    package: nodejs\n    paths: [x]\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownCachePackage, "cigen.yml", 3, 14, "`nodejs`", "use one of: rust, node");
    }

    [Fact]
    public void Reserved_names_are_errors()
    {
        Load("version_sources:\n  arch:\n    - command: uname -m\n").Single()
            .ShouldBe(DiagnosticCodes.ReservedVersionName, "cigen.yml", 2, 3, "`arch`", "rename the tool");
        Load("cache_definitions:\n  web:\n    versions: [node, os]\n    paths: [x]\n").Single()
            .ShouldBe(DiagnosticCodes.ReservedVersionName, "cigen.yml", 3, 22, "`os`", "remove it");
    }

    [Fact]
    public void Manager_without_package_is_an_error()
    {
        Load("cache_definitions:\n  web:\n    versions: [$manager]\n    paths: [x]\n").Single()
            .ShouldBe(DiagnosticCodes.ManagerWithoutPackage, "cigen.yml", 2, 3, "`web`", "add `package: node`");
    }

    [Fact]
    public void Other_placeholders_are_errors()
    {
        Load("cache_definitions:\n  web:\n    package: node\n    versions: [$node]\n    paths: [x]\n").Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 4, 16, "`$node`", "`$manager`");
    }

    [Theory]
    [InlineData("cache_definitions:\n  web-deps:\n    paths: [a]\n  web_deps:\n    paths: [b]\ncache: [web-deps, web_deps]\n", 4, 3, "cache `web_deps`")]
    [InlineData("cache_definitions:\n  one:\n    versions: [a-b]\n    paths: [a]\n  two:\n    versions: [a_b]\n    paths: [b]\ncache: [one, two]\n", 5, 3, "tool `a_b`")]
    [InlineData("cache_definitions:\n  x:\n    versions: [files_x]\n    checksum_sources: [a]\n    paths: [a]\ncache: [x]\n", 2, 3, "tool `files_x`")]
    [InlineData("cache_definitions:\n  node-modules:\n    paths: [a]\ncache: [node-modules]\n", 2, 3, "cache `node-modules`")]
    public void Names_that_become_the_same_key_value_are_an_error(string config, int line, int column, string second)
    {
        Load(config).Single().ShouldBe(DiagnosticCodes.KeyValueNameCollision, "cigen.yml", line, column, second, "rename one");
    }

    [Fact]
    public void A_reserved_tool_in_a_used_cache_is_reported_not_thrown()
    {
        Load("cache_definitions:\n  x:\n    versions: [os]\n    paths: [a]\ncache: [x]\n").Single().Code.Should().Be(DiagnosticCodes.ReservedVersionName);
    }
}
