using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>Packages, managers and versions found in the project root at generate time.</summary>
public class DetectionTests
{
    internal static PackageResolver Resolver(ConfigTree tree) =>
        new(new ProjectFiles(tree.Root), BuiltIns.Default, CacheCatalog.Merge(BuiltIns.Default, [], [], new DiagnosticBag()));

    private static IReadOnlyList<PackageUse> Detect(params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree(files);
        return Resolver(tree).Detected;
    }

    [Fact]
    public void An_empty_root_has_no_packages() => Detect().Should().BeEmpty();

    [Fact]
    public void Root_files_match_with_the_one_glob_syntax_of_the_file_digests()
    {
        using var tree = new ConfigTree(("a.sln", ""), ("b.slnx", ""), (".hidden.sln", ""), ("c.txt", ""), ("sub/d.sln", ""));

        new ProjectFiles(tree.Root).Matching("*.{sln,slnx}").Should().Equal(".hidden.sln", "a.sln", "b.slnx");
    }

    [Theory]
    [InlineData("pnpm-lock.yaml", "pnpm")]
    [InlineData("yarn.lock", "yarn")]
    [InlineData("bun.lockb", "bun")]
    [InlineData("bun.lock", "bun")]
    [InlineData("package-lock.json", "npm")]
    [InlineData("README.md", "npm")]
    public void The_node_manager_follows_the_lock_file(string lockFile, string manager) =>
        Detect(("package.json", "{}"), (lockFile, "")).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "node", Manager = manager });

    [Fact]
    public void The_package_manager_field_wins_over_lock_files()
    {
        var node = Detect(("package.json", "{\n  \"name\": \"x\",\n  \"packageManager\": \"yarn@4.1.0+sha512.abc\"\n}"), ("pnpm-lock.yaml", "")).Single();

        node.Manager.Should().Be("yarn");
    }

    [Fact]
    public void The_package_manager_option_wins_over_everything()
    {
        using var tree = new ConfigTree(("package.json", "{\"packageManager\": \"yarn@4.1.0\"}"), ("pnpm-lock.yaml", ""));

        var node = Resolver(tree).Resolve(new PackageUse { Name = "node", Options = new() { ["package_manager"] = "bun" } });

        node.Manager.Should().Be("bun");
    }

    [Theory]
    [InlineData("poetry.lock", "poetry")]
    [InlineData("Pipfile.lock", "pipenv")]
    [InlineData("uv.lock", "uv")]
    [InlineData("pdm.lock", "pdm")]
    [InlineData("requirements.txt", "pip")]
    public void Python_managers(string file, string manager) =>
        Detect(("pyproject.toml", ""), (file, "")).Single().Should().BeEquivalentTo(new { Name = "python", Manager = manager });

    [Theory]
    [InlineData("poetry.lock", "uv.lock", "poetry")]
    [InlineData("Pipfile.lock", "pdm.lock", "pipenv")]
    [InlineData("uv.lock", "pdm.lock", "uv")]
    public void With_several_lock_files_the_earlier_manager_keeps_the_repository(string first, string second, string manager) =>
        Detect(("pyproject.toml", ""), (first, ""), (second, "")).Single().Manager.Should().Be(manager);

    [Fact]
    public void Requirements_with_a_suffix_mean_python() =>
        Detect(("requirements-dev.txt", "pytest\n")).Single().Should().BeEquivalentTo(new { Name = "python", Manager = "pip" });

    [Fact]
    public void Cargo_go_and_dotnet_solutions_are_detected_in_package_order()
    {
        var packages = Detect(("go.mod", "module x\n\ngo 1.22.1\n"), ("Cargo.toml", ""), ("App.sln", ""), ("Gemfile", ""));

        packages.Select(p => (p.Name, p.Manager)).Should().Equal(("ruby", "bundler"), ("rust", "cargo"), ("go", "go"), ("dotnet", "dotnet"));
        packages.Single(p => p.Name == "go").Should().BeEquivalentTo(new { VersionFile = "go.mod", FileVersion = "1.22.1" });
    }

    [Fact]
    public void Only_the_root_counts()
    {
        Detect(("web/package.json", "{}"), ("src/App/App.csproj", "")).Should().BeEmpty();
    }

    [Fact]
    public void The_version_file_is_the_first_that_holds_a_version_for_the_tool()
    {
        var packages = Detect(
            ("Gemfile", ""), (".tool-versions", "# tools\nnodejs 20.11.0\nruby 3.3.5\n"),
            ("package.json", "{}"), (".nvmrc", "v20.12.1\n"),
            ("pyproject.toml", ""), (".python-version", "3.12\n"));

        packages.Select(p => (p.Name, p.VersionFile, p.FileVersion)).Should().Equal(
            ("ruby", ".tool-versions", "3.3.5"), ("node", ".nvmrc", "20.12.1"), ("python", ".python-version", "3.12"));
    }

    [Fact]
    public void A_tool_versions_file_without_the_tool_is_not_its_version_file()
    {
        Detect(("Gemfile", ""), (".tool-versions", "nodejs 20.11.0\n")).Single().VersionFile.Should().BeNull();
    }

    [Fact]
    public void Global_json_and_rust_toolchain_versions_are_read()
    {
        var packages = Detect(
            ("global.json", "{\n  \"sdk\": {\n    \"version\": \"10.0.100\"\n  }\n}\n"),
            ("Cargo.toml", ""), ("rust-toolchain.toml", "[toolchain]\nchannel = \"1.79.0\"\ncomponents = [\"clippy\"]\n"));

        packages.Select(p => (p.Name, p.VersionFile, p.FileVersion)).Should().Equal(
            ("rust", "rust-toolchain.toml", "1.79.0"), ("dotnet", "global.json", "10.0.100"));
    }

    [Fact]
    public void An_explicit_version_needs_no_version_file_and_a_version_file_option_is_read()
    {
        using var tree = new ConfigTree(("package.json", "{}"), (".nvmrc", "20\n"), ("config/node-version", "v18.19.0\n"));
        var resolver = Resolver(tree);

        resolver.Resolve(new PackageUse { Name = "node", Options = new() { ["version"] = "22" } })
            .Should().BeEquivalentTo(new { Version = "22", VersionFile = (string?)null, FileVersion = (string?)null, Manager = "npm" });
        resolver.Resolve(new PackageUse { Name = "node", Options = new() { ["version_file"] = "config/node-version" } })
            .Should().BeEquivalentTo(new { Version = (string?)null, VersionFile = "config/node-version", FileVersion = "18.19.0" });
    }

    [Fact]
    public void A_listed_package_without_its_files_has_no_manager()
    {
        using var tree = new ConfigTree();

        Resolver(tree).Resolve(new PackageUse { Name = "rust" }).Manager.Should().BeNull();
    }
}
