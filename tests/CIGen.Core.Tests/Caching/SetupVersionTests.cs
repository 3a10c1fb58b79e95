using CIGen.Core.Caching;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>
/// The version every provider sets up: the config's, else the version file's as written, else the lowest the
/// project's manifest allows, else the host's default — one answer, so that no provider builds with another toolchain.
/// </summary>
public class SetupVersionTests
{
    private static PackageUse Package(string packages, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", $"packages: {packages}\njobs:\n  test:\n    steps: [{{run: x}}]\n"), .. files]);
        return tree.Load().Clean().Workflows[0].Jobs[0].Packages.Single();
    }

    public static TheoryData<string, (string, string)[], string> Cases() => new()
    {
        // The manifest's lowest version when neither the config nor a version file names one.
        { "[rust]", [("Cargo.toml", "[package]\nname = \"x\"\nrust-version = \"1.88\"\n")], "1.88" },
        { "[rust]", [("Cargo.toml", "[workspace.package]\nrust-version = \"1.80.0\"\n")], "1.80" },
        { "[python]", [("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.10,<4\"\n")], "3.10" },
        { "[python]", [("pyproject.toml", "[project]\nrequires-python = '~=3.11.0'\n")], "3.11" },
        { "[node]", [("package.json", "{\n  \"name\": \"x\",\n  \"engines\": {\n    \"npm\": \">=9\",\n    \"node\": \">=18.0.0\"\n  }\n}\n")], "18" },
        { "[node]", [("package.json", "{\"engines\": {\"node\": \"^20.11 || >=22\"}}")], "20.11" },
        { "[ruby]", [("Gemfile", "source 'https://rubygems.org'\nruby '~> 3.3.0'\n")], "3.3" },
        // A version file wins over the manifest, and is taken as written: pypy and free-threaded builds are other interpreters.
        { "[rust]", [("Cargo.toml", "[package]\nrust-version = \"1.70\"\n"), ("rust-toolchain.toml", "[toolchain]\nchannel = \"nightly-2025-01-01\"\n")], "nightly-2025-01-01" },
        { "[python]", [("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n"), (".python-version", "pypy3.10\n")], "pypy3.10" },
        { "[python]", [(".python-version", "3.14t\n"), ("requirements.txt", "")], "3.14t" },
        { "[node]", [(".nvmrc", "lts/iron\n"), ("package.json", "{}")], "lts/iron" },
        { "[rust]", [("Cargo.toml", ""), ("rust-toolchain", "nightly\n")], "nightly" },
        { "[node]", [(".nvmrc", "v20.11.1\n"), ("package.json", "{\"engines\": {\"node\": \">=18\"}}")], "20.11.1" },
        { "[ruby]", [(".ruby-version", "ruby-3.3.5\n"), ("Gemfile", "ruby '3.2.0'\n")], "3.3.5" },
        { "[go]", [("go.mod", "module x\n\ngo 1.22.3\n")], "1.22.3" },
        // `version_file` naming the manifest means the manifest's version.
        { "{rust: {version_file: Cargo.toml}}", [("Cargo.toml", "[package]\nrust-version = \"1.90.0\"\n")], "1.90" },
        { "{python: {version_file: pyproject.toml}}", [("pyproject.toml", "requires-python = \">=3.11\"\n"), (".python-version", "3.13\n")], "3.11" },
        // The config wins over both.
        { "{python: {version: '3.12'}}", [(".python-version", "3.11\n"), ("pyproject.toml", "requires-python = \">=3.9\"\n")], "3.12" },
        // Nothing declared: the host's default, which every provider sets up.
        { "[rust]", [("Cargo.toml", "[package]\nname = \"x\"\n")], "stable" },
        { "[node]", [("package.json", "{}")], "lts/*" },
        { "[python]", [("pyproject.toml", "[project]\nrequires-python = \"<4\"\n")], "3.13" },
        { "[python]", [("pyproject.toml", "[project]\nrequires-python = \">=3\"\n")], "3.13" },
        { "[ruby]", [("Gemfile", "ruby file: '.tool-versions'\n")], "3.4" },
        { "[go]", [], "1.24" },
        { "[dotnet]", [], "10.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_provider_gets_one_version_to_set_up(string packages, (string, string)[] files, string expected) =>
        Package(packages, files).SetupVersion.Should().Be(expected);

    [Fact]
    public void The_manifest_of_a_package_in_a_subdirectory_is_its_own()
    {
        var package = Package("{rust: {path: cli}}", ("cli/Cargo.toml", "[package]\nrust-version = \"1.82\"\n"), ("Cargo.toml", "[workspace]\nrust-version = \"1.70\"\n"));

        package.SetupVersion.Should().Be("1.82");
    }

    [Fact]
    public void The_rust_toolchain_step_installs_the_setup_version_unless_a_toolchain_file_is_in_charge()
    {
        using var tree = new ConfigTree(
            ("cigen.yml", "packages: [rust]\njobs:\n  test:\n    steps: [{run: cargo test}]\n"),
            ("Cargo.toml", "[package]\nrust-version = \"1.88\"\n"));
        var steps = tree.Load().Clean().Workflows[0].Jobs[0].Steps;

        steps.OfType<RunStep>().Should().ContainSingle(s => s.Name == "Install the Rust toolchain")
            .Which.Run.Should().Be("rustup toolchain install 1.88 --profile minimal\nrustup default 1.88");
    }

    [Fact]
    public void A_manifest_named_as_version_file_is_no_version_file_and_rustup_installs_its_version()
    {
        using var tree = new ConfigTree(
            ("cigen.yml", "packages: {rust: {version_file: Cargo.toml}}\njobs:\n  msrv:\n    steps: [{run: cargo clippy}]\n"),
            ("Cargo.toml", "[package]\nrust-version = \"1.90.0\"\n"));
        var job = tree.Load().Clean().Workflows[0].Jobs[0];

        job.Packages.Single().VersionFile.Should().BeNull();
        job.Steps.OfType<RunStep>().Should().ContainSingle(s => s.Name == "Install the Rust toolchain")
            .Which.Run.Should().Be("rustup toolchain install 1.90 --profile minimal\nrustup default 1.90");
    }

    [Theory]
    [InlineData(">=3.10,<4", false, "3.10")]
    [InlineData("<4,>=3.9", false, "3.9")]
    [InlineData("==3.12.*", false, "3.12")]
    [InlineData("~=3.11", false, "3.11")]
    [InlineData(">=3", false, null)]
    [InlineData(">=18", true, "18")]
    [InlineData("18.x || 20.x", true, "18")]
    [InlineData("^20.11.1", true, "20.11.1")]
    [InlineData(">=20.0.0", true, "20")]
    [InlineData("22 || ^20.9", true, "20.9")]
    [InlineData("v20.11.0", true, "20.11")]
    [InlineData("~> 3.3.0", false, "3.3")]
    [InlineData("1.88", false, "1.88")]
    [InlineData("<4", false, null)]
    [InlineData("*", true, null)]
    [InlineData("!=3.9.1", false, null)]
    public void The_lowest_version_of_a_range(string range, bool majorLines, string? expected) =>
        ManifestRange.LowerBound(range, majorLines).Should().Be(expected);
}
