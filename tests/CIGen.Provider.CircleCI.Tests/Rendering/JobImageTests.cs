using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>The image of a job that names none: the first package's convenience image, else cimg/base.</summary>
public class JobImageTests
{
    /// <summary>A package as the host sends it: its setup version is the config's, else the file's, else <paramref name="setup"/>.</summary>
    private static PackageUse Package(string name, string? version = null, string? fileVersion = null, string? setup = null) =>
        new() { Name = name, Version = version, FileVersion = fileVersion, SetupVersion = version ?? fileVersion ?? setup };

    [Theory]
    [InlineData("ruby", "cimg/ruby:3.3.5")]
    [InlineData("node", "cimg/node:3.3.5")]
    [InlineData("python", "cimg/python:3.3.5")]
    [InlineData("go", "cimg/go:3.3.5")]
    [InlineData("rust", "cimg/rust:3.3.5")]
    public void Uses_the_convenience_image_of_the_first_package_at_its_version(string tool, string image)
    {
        JobImages.ForPackages([Package(tool, fileVersion: "3.3.5")]).Should().Be(image);
    }

    [Fact]
    public void Uses_the_setup_version_the_host_resolved()
    {
        JobImages.ForPackages([Package("node", "22.1", "20.11.0")]).Should().Be("cimg/node:22.1");
        JobImages.ForPackages([Package("python", setup: "3.10")]).Should().Be("cimg/python:3.10");
    }

    [Theory]
    [InlineData("node", "lts/*", "cimg/node:lts")]
    [InlineData("ruby", "3.4", "cimg/ruby:3.4")]
    [InlineData("python", "3.13", "cimg/python:3.13")]
    [InlineData("go", "1.24", "cimg/go:1.24")]
    [InlineData("dotnet", "10.0", "mcr.microsoft.com/dotnet/sdk:10.0")]
    public void Uses_the_hosts_default_version_as_the_tag(string tool, string setup, string image)
    {
        JobImages.ForPackages([Package(tool, setup: setup)]).Should().Be(image);
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("nightly-2025-01-01")]
    [InlineData("beta")]
    public void A_rust_toolchain_without_an_image_runs_on_a_rust_image_whose_rustup_installs_it(string version)
    {
        JobImages.ForPackages([Package("rust", version)]).Should().Be("cimg/rust:1.85");
    }

    [Theory]
    [InlineData("ruby", "3.3.5", "cimg/ruby:3.3.5-node")]
    [InlineData("python", "3.12.1", "cimg/python:3.12.1-node")]
    [InlineData("go", "1.24", "cimg/go:1.24-node")]
    [InlineData("rust", "1.83", "cimg/rust:1.83-node")]
    public void Uses_the_node_variant_when_node_is_lts(string tool, string version, string image)
    {
        var choice = JobImages.Choose(null, [Package(tool, fileVersion: version), Package("node", setup: "lts/*")]);

        choice.Image.Should().Be(image);
        choice.InstallsNode.Should().BeFalse();
    }

    [Theory]
    [InlineData("node", "20", "cimg/base:current")]
    [InlineData("node", "lts/iron", "cimg/base:current")]
    [InlineData("python", "20.11", "cimg/python:3.13")]
    [InlineData("dotnet", "lts/*", "mcr.microsoft.com/dotnet/sdk:10.0")]
    public void Installs_a_node_version_no_image_has_in_the_job(string first, string node, string image)
    {
        IReadOnlyList<PackageUse> packages = first == "node"
            ? [Package("node", node)]
            : [Package(first, setup: first == "python" ? "3.13" : "10.0"), Package("node", node)];

        var choice = JobImages.Choose(null, packages);

        choice.Image.Should().Be(image);
        choice.InstallsNode.Should().BeTrue();
        choice.Missing.Should().BeEmpty();
    }

    [Fact]
    public void Prefers_the_other_package_with_its_node_variant_whatever_the_order()
    {
        JobImages.ForPackages([Package("node", setup: "lts/*"), Package("ruby", fileVersion: "3.3.5")]).Should().Be("cimg/ruby:3.3.5-node");
    }

    [Theory]
    [InlineData("node", "20.11", "cimg/node:20.11")]
    [InlineData("dotnet", "9", "mcr.microsoft.com/dotnet/sdk:9.0")]
    public void A_version_with_a_minor_names_a_tag(string tool, string version, string image)
    {
        JobImages.ForPackages([Package(tool, fileVersion: version)]).Should().Be(image);
    }

    [Theory]
    [InlineData("python", "pypy3.11", "pypy:3.11")]
    [InlineData("python", "3.14t", null)]
    [InlineData("python", "3", null)]
    [InlineData("ruby", "3", null)]
    [InlineData("ruby", "jruby-9.4", null)]
    [InlineData("go", "stable", null)]
    [InlineData("node", "^20.1", null)]
    [InlineData("node", ">=18", null)]
    public void A_version_no_image_has_is_an_error_naming_what_to_write(string tool, string version, string? suggested)
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");
        var job = G.Job("a", G.Run("x")) with { Packages = [Package(tool, version)] };

        JobImages.For(job, new Scope(diagnostics, "job 'a'"));

        var error = diagnostics.All.Should().ContainSingle().Which;
        error.Should().Match<Diagnostic>(d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.PackageVersion && d.Line == job.Source.Line);
        error.Message.Should().Contain($"{tool} {version}").And.Contain("set `image:`");
        if (suggested is not null)
        {
            error.Message.Should().Contain(suggested);
        }
    }

    [Fact]
    public void A_jobs_own_image_needs_no_tag()
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");

        JobImages.For(G.Job("a", G.Run("x")) with { Image = "pypy:3.11", Packages = [Package("python", "pypy3.11")] }, new Scope(diagnostics, "job 'a'"))
            .Should().Be("pypy:3.11");

        diagnostics.All.Should().BeEmpty();
    }

    [Fact]
    public void Warns_at_the_job_when_no_image_brings_every_package()
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");
        var job = G.Job("a", G.Run("x")) with { Packages = [Package("rust", setup: "stable"), Package("go", setup: "1.24")] };

        JobImages.For(job, new Scope(diagnostics, "job 'a'"));

        diagnostics.All.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == DiagnosticCodes.PackageImage && d.Line == job.Source.Line
            && d.Message.Contains("lacks go") && d.Message.Contains("set `image:`"));
    }

    [Fact]
    public void Does_not_warn_when_the_image_brings_every_package()
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");

        JobImages.For(G.Job("a", G.Run("x")) with { Packages = [Package("node", setup: "lts/*"), Package("python", setup: "3.13")] }, new Scope(diagnostics, "job 'a'"));

        diagnostics.All.Should().BeEmpty();
    }

    [Theory]
    [InlineData("8.0.404", "8.0")]
    [InlineData("9", "9.0")]
    [InlineData("10.0", "10.0")]
    public void Tags_the_dotnet_sdk_image_by_major_and_minor(string version, string tag)
    {
        JobImages.ForPackages([Package("dotnet", fileVersion: version)]).Should().Be($"mcr.microsoft.com/dotnet/sdk:{tag}");
    }

    [Fact]
    public void Keeps_the_base_image_without_packages_or_for_an_unknown_first_package()
    {
        JobImages.For(G.Job("a", G.Run("x"))).Should().Be(JobImages.Base);
        JobImages.For(G.Job("a", G.Run("x")) with { Packages = [Package("elixir")] }).Should().Be(JobImages.Base);
    }

    [Fact]
    public void Keeps_the_jobs_own_image()
    {
        JobImages.For(G.Job("a", G.Run("x")) with { Image = "ruby:3.3", Packages = [Package("node")] }).Should().Be("ruby:3.3");
    }

    [Fact]
    public void Renders_the_chosen_image_into_the_job()
    {
        Render.Jobs(G.Job("a", G.Run("x")) with { Packages = [CachingSample.Ruby(), CachingSample.Node() with { SetupVersion = "lts/*" }] })
            .Should().Contain("    docker:\n      - image: cimg/ruby:3.3.5-node\n");
    }

    [Fact]
    public void The_setup_step_of_a_node_version_no_image_has_installs_it_with_the_version_in_its_environment()
    {
        var node = CachingSample.Node();
        var job = G.Job("a", new SetupPackageStep { Name = "Set up Node.js", Package = node, Source = G.At(".cigen/workflows/ci/jobs/a.yml", 3) }, G.Run("x"))
            with { Packages = [CachingSample.Ruby(), node] };

        var yaml = Render.Jobs(job);

        yaml.Should().Contain("      - image: cimg/ruby:3.3.5\n")
            .And.Contain("    steps:\n      - cigen_install_node:\n          version: '20.11.0'\n")
            .And.Contain("commands:\n  cigen_install_node:\n");
    }
}
