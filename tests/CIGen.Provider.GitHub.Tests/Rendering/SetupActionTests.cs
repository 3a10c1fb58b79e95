using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Each package's setup action: with the version the config asks for, with the version file, and with neither.</summary>
public class SetupActionTests
{
    /// <param name="setup">The host's setup version when neither the config nor the file names one (manifest or default).</param>
    private static PackageUse Package(string name, string? version = null, string? file = null, string? fileVersion = null, string? directory = null, string? setup = null) =>
        new() { Name = name, Version = version, VersionFile = file, FileVersion = fileVersion, Directory = directory, SetupVersion = version ?? fileVersion ?? setup };

    private static string? Describe(PackageUse package) =>
        SetupActions.For(package) is var (uses, with) ? $"{uses} {string.Join(" ", with.Select(w => $"{w.Key}={w.Value.Text}"))}".TrimEnd() : null;

    public static TheoryData<PackageUse, string?> Cases() => new()
    {
        { Package("node", version: "20"), "actions/setup-node@v4 node-version=20" },
        { Package("node", file: ".nvmrc", fileVersion: "20.11.0"), "actions/setup-node@v4 node-version-file=.nvmrc" },
        { Package("node", setup: "lts/*"), "actions/setup-node@v4 node-version=lts/*" },
        { Package("ruby", version: "3.3"), "ruby/setup-ruby@v1 ruby-version=3.3" },
        { Package("ruby", file: ".ruby-version", fileVersion: "3.3.5"), "ruby/setup-ruby@v1" },
        { Package("ruby", file: ".tool-versions", fileVersion: "3.3.5"), "ruby/setup-ruby@v1" },
        { Package("ruby", file: "config/ruby.txt", fileVersion: "3.2.1"), "ruby/setup-ruby@v1 ruby-version=3.2.1" },
        { Package("ruby", setup: "3.4"), "ruby/setup-ruby@v1 ruby-version=3.4" },
        { Package("ruby", file: "apps/api/.ruby-version", fileVersion: "3.3.5", directory: "apps/api"), "ruby/setup-ruby@v1 working-directory=apps/api" },
        { Package("ruby", file: ".tool-versions", fileVersion: "3.3.5", directory: "apps/api"), "ruby/setup-ruby@v1 ruby-version=3.3.5 working-directory=apps/api" },
        { Package("ruby", directory: "apps/api", setup: "3.4"), "ruby/setup-ruby@v1 ruby-version=3.4 working-directory=apps/api" },
        { Package("ruby", file: "config/ruby.txt", setup: "3.4"), "ruby/setup-ruby@v1 ruby-version=3.4" },
        { Package("node", file: "web/.nvmrc", fileVersion: "20.11.0", directory: "web"), "actions/setup-node@v4 node-version-file=web/.nvmrc" },
        { Package("go", file: "svc/go.mod", fileVersion: "1.22.1", directory: "svc"), "actions/setup-go@v5 go-version-file=svc/go.mod cache=false" },
        { Package("python", version: "3.12"), "actions/setup-python@v5 python-version=3.12" },
        { Package("python", file: ".python-version", fileVersion: "3.12.1"), "actions/setup-python@v5 python-version-file=.python-version" },
        { Package("python", setup: "3.13"), "actions/setup-python@v5 python-version=3.13" },
        { Package("go", version: "1.22"), "actions/setup-go@v5 go-version=1.22 cache=false" },
        { Package("go", file: "go.mod", fileVersion: "1.22.1"), "actions/setup-go@v5 go-version-file=go.mod cache=false" },
        { Package("go", setup: "1.24"), "actions/setup-go@v5 go-version=1.24 cache=false" },
        { Package("dotnet", version: "8.0.x"), "actions/setup-dotnet@v4 dotnet-version=8.0.x" },
        { Package("dotnet", file: "global.json", fileVersion: "8.0.100"), "actions/setup-dotnet@v4 global-json-file=global.json" },
        { Package("dotnet"), null },
        { Package("rust", version: "1.78"), null },
        { Package("rust", file: "rust-toolchain.toml", fileVersion: "1.78.0"), null },
        { Package("rust"), null },
        // The host's setup version (the manifest's lowest or its default) when neither the config nor a file names one,
        // so that CircleCI's image has the same version.
        { Package("node", setup: "20"), "actions/setup-node@v4 node-version=20" },
        { Package("python", setup: "3.10"), "actions/setup-python@v5 python-version=3.10" },
        { Package("ruby", file: ".ruby-version", fileVersion: "3.3.5", setup: "3.4"), "ruby/setup-ruby@v1" },
        { Package("dotnet", setup: "10.0"), "actions/setup-dotnet@v4 dotnet-version=10.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uses_the_standard_action_with_the_version_file_it_reads_itself_else_the_hosts_setup_version(PackageUse package, string? expected) =>
        Describe(package).Should().Be(expected);

    [Fact]
    public void Renders_a_setup_step_with_its_name_and_the_version_as_a_string()
    {
        var setup = CachingSample.Setup(Package("python", version: "3.10"), "Python");

        Render.Steps(Render.Jobs(G.Job("a", setup) with { Checkout = false })).Should().Be(
            """
                steps:
                  - name: Set up Python
                    uses: actions/setup-python@v5
                    with:
                      python-version: '3.10'

            """);
    }

    [Fact]
    public void Renders_no_step_for_a_package_the_runner_already_has()
    {
        Render.Steps(Render.Jobs(G.Job("a", CachingSample.Setup(Package("rust"), "Rust"), G.Run("cargo test")) with { Checkout = false }))
            .Should().Be("    steps:\n      - run: cargo test\n");
    }

    [Fact]
    public void Reports_an_unknown_package_at_its_step()
    {
        var job = G.Job("a", CachingSample.Setup(Package("cobol"), "COBOL"), G.Run("make"));

        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "github.invalid-step" && d.Message.Contains("unknown package 'cobol'") && d.Line == 1);
    }
}
