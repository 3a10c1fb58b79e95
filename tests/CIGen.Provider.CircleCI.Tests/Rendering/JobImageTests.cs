using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>The image of a job that names none: the first package's convenience image, else cimg/base.</summary>
public class JobImageTests
{
    private static PackageUse Package(string name, string? version = null, string? fileVersion = null) =>
        new() { Name = name, Version = version, FileVersion = fileVersion };

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
    public void Prefers_the_configs_version_to_the_version_files()
    {
        JobImages.ForPackages([Package("node", "22.1", "20.11.0")]).Should().Be("cimg/node:22.1");
    }

    [Theory]
    [InlineData("node", "cimg/node:lts")]
    [InlineData("ruby", "cimg/ruby:3.4")]
    [InlineData("python", "cimg/python:3.13")]
    [InlineData("go", "cimg/go:1.24")]
    [InlineData("rust", "cimg/rust:1.85")]
    [InlineData("dotnet", "mcr.microsoft.com/dotnet/sdk:10.0")]
    public void Uses_the_documented_default_tag_without_a_version(string tool, string image)
    {
        JobImages.ForPackages([Package(tool)]).Should().Be(image);
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("lts/*")]
    [InlineData(">=3.2")]
    public void Uses_the_default_tag_for_a_version_that_names_no_tag(string version)
    {
        JobImages.ForPackages([Package("rust", version, "1.80.0")]).Should().Be("cimg/rust:1.85");
    }

    [Theory]
    [InlineData("ruby", "3.3.5", "cimg/ruby:3.3.5-node")]
    [InlineData("python", "3.12.1", "cimg/python:3.12.1-node")]
    [InlineData("go", null, "cimg/go:1.24-node")]
    [InlineData("rust", "1.83", "cimg/rust:1.83-node")]
    public void Uses_the_node_variant_when_node_is_also_used(string tool, string? version, string image)
    {
        JobImages.ForPackages([Package(tool, fileVersion: version), Package("node", fileVersion: "20.11.0")]).Should().Be(image);
    }

    [Fact]
    public void Prefers_the_other_package_with_its_node_variant_whatever_the_order()
    {
        JobImages.ForPackages([Package("node", "20.11.0"), Package("ruby", fileVersion: "3.3.5")]).Should().Be("cimg/ruby:3.3.5-node");
        JobImages.ForPackages([Package("dotnet", "8.0.404"), Package("node")]).Should().Be("mcr.microsoft.com/dotnet/sdk:8.0");
    }

    [Theory]
    [InlineData("node", "20", "cimg/node:lts")]
    [InlineData("node", "20.11", "cimg/node:20.11")]
    [InlineData("ruby", "3", "cimg/ruby:3.4")]
    public void A_bare_major_names_no_cimg_tag(string tool, string version, string image)
    {
        JobImages.ForPackages([Package(tool, fileVersion: version)]).Should().Be(image);
    }

    [Theory]
    [InlineData("rust", "go")]
    [InlineData("dotnet", "node")]
    public void Warns_at_the_job_when_no_image_brings_every_package(string first, string second)
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");
        var job = G.Job("a", G.Run("x")) with { Packages = [Package(first), Package(second)] };

        JobImages.For(job, new Scope(diagnostics, "job 'a'"));

        diagnostics.All.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == DiagnosticCodes.PackageImage && d.Line == job.Source.Line
            && d.Message.Contains($"lacks {second}") && d.Message.Contains("set `image:`"));
    }

    [Fact]
    public void Does_not_warn_when_the_image_brings_every_package()
    {
        var diagnostics = new CIGen.Provider.Sdk.Diagnostics.DiagnosticBag("circleci");

        JobImages.For(G.Job("a", G.Run("x")) with { Packages = [Package("node"), Package("python")] }, new Scope(diagnostics, "job 'a'"));

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
        Render.Jobs(G.Job("a", G.Run("x")) with { Packages = [CachingSample.Ruby(), CachingSample.Node()] })
            .Should().Contain("    docker:\n      - image: cimg/ruby:3.3.5-node\n");
    }
}
