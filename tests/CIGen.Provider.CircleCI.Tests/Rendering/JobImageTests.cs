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
    public void Has_no_node_variant_of_node_or_dotnet()
    {
        JobImages.ForPackages([Package("node", "20.11.0"), Package("ruby")]).Should().Be("cimg/node:20.11.0");
        JobImages.ForPackages([Package("dotnet", "8.0.404"), Package("node")]).Should().Be("mcr.microsoft.com/dotnet/sdk:8.0");
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
        JobImages.For(G.Job("a", G.Run("x")) with { Packages = [Package("elixir"), Package("node")] }).Should().Be(JobImages.Base);
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
