using CIGen.Core.Caching;
using CIGen.Core.Config.Binding;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>The exact key of every built-in cache: {os}-{os_version}-{arch}-{name}-{tool}{version}-…-{checksum}.</summary>
public class CacheKeyFormatTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["os"] = "linux", ["os_version"] = "ubuntu24.04", ["arch"] = "x64",
        ["ruby"] = "3.3.5", ["bundler"] = "2.5.6", ["node"] = "20.11.0", ["pnpm"] = "9.1.0", ["python"] = "3.12.1",
        ["pip"] = "24.0", ["rust"] = "1.79.0", ["go"] = "1.22.1", ["dotnet"] = "10.0.100",
        ["files_gems"] = "<gems>", ["files_node_modules"] = "<node>", ["files_pip"] = "<pip>", ["files_cargo"] = "<cargo>",
        ["files_go"] = "<go>", ["files_nuget"] = "<nuget>",
    };

    [Theory]
    [InlineData("gems", "linux-ubuntu24.04-x64-gems-ruby3.3.5-bundler2.5.6-<gems>")]
    [InlineData("node_modules", "linux-ubuntu24.04-x64-node_modules-node20.11.0-pnpm9.1.0-<node>")]
    [InlineData("pip", "linux-ubuntu24.04-x64-pip-python3.12.1-pip24.0-<pip>")]
    [InlineData("cargo", "linux-ubuntu24.04-x64-cargo-rust1.79.0-<cargo>")]
    [InlineData("go", "linux-ubuntu24.04-x64-go-go1.22.1-<go>")]
    [InlineData("nuget", "linux-ubuntu24.04-x64-nuget-dotnet10.0.100-<nuget>")]
    public void Every_built_in_key_has_the_exact_format_and_its_restore_key_drops_only_the_checksum(string cache, string expected)
    {
        var definition = BuiltIns.Default.CacheDefinitions.Single(d => d.Definition.Name == cache).Definition;
        var tools = definition.Versions.Select(v => v == CacheBinder.ManagerPlaceholder ? "pnpm" : v).ToList();
        var files = definition.ChecksumSources.SelectMany(Globs.ExpandBraces).ToList();

        var keys = AutomaticCacheKey.For(cache, tools, files);

        keys.Should().HaveCount(2);
        AutomaticCacheKey.Render(keys[0], Values).Should().Be(expected);
        AutomaticCacheKey.Render(keys[1], Values).Should().Be(expected[..(expected.LastIndexOf('-') + 1)]);
        keys[0].Parts[^1].Should().BeEquivalentTo(new KeyPart.Checksum(files, $"files_{cache}"));
    }

    [Fact]
    public void The_parts_are_the_ones_providers_expect_once_the_prefix_is_one_join_value()
    {
        var joins = new List<KeyValue>();
        var keys = KeyPrefixJoin.Apply("gems", AutomaticCacheKey.For("gems", ["ruby", "bundler"], ["Gemfile", "Gemfile.lock"]), joins);

        joins.Should().BeEquivalentTo([CIGen.Testing.CachingSample.Join("gems", ["ruby", "bundler"])], o => o.WithStrictOrdering());
        keys.Should().BeEquivalentTo(
            new[]
            {
                CIGen.Testing.CachingSample.Key("gems", ["Gemfile", "Gemfile.lock"]),
                CIGen.Testing.CachingSample.Key("gems", ["Gemfile", "Gemfile.lock"], withChecksum: false),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Without_checksum_sources_the_key_ends_after_the_versions_and_there_is_no_restore_key()
    {
        var keys = AutomaticCacheKey.For("tools", ["node"], []);

        keys.Should().ContainSingle();
        AutomaticCacheKey.Render(keys[0], Values).Should().Be("linux-ubuntu24.04-x64-tools-node20.11.0");
        AutomaticCacheKey.Render(AutomaticCacheKey.For("plain", [], [])[0], Values).Should().Be("linux-ubuntu24.04-x64-plain");
    }

    [Fact]
    public void Without_versions_the_checksum_follows_the_name()
    {
        var keys = AutomaticCacheKey.For("turbo", [], ["turbo.json"]);

        AutomaticCacheKey.Render(keys[0], new Dictionary<string, string>(Values) { ["files_turbo"] = "abc" }).Should().Be("linux-ubuntu24.04-x64-turbo-abc");
        AutomaticCacheKey.Render(keys[1], Values).Should().Be("linux-ubuntu24.04-x64-turbo-");
    }

    [Theory]
    [InlineData("node", "node")]
    [InlineData("my-tool.x", "my_tool_x")]
    public void Value_names_keep_only_letters_digits_and_underscores(string tool, string value) =>
        AutomaticCacheKey.ValueName(tool).Should().Be(value);
}
