using CIGen.Core.Generation;
using CIGen.Core.Providers;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Host;

public sealed class ProviderLocatorTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private string Executable(string relativePath)
    {
        var path = directory.Write(relativePath, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return path;
    }

    private ProviderLocator Locator(string? providerPathVariable = null, string? pathVariable = null, params string[] configured) =>
        ProviderLocator.ForCurrentProcess(
            configured.Select(d => directory.Combine(d)).ToList(),
            name => name switch
            {
                ProviderLocator.SearchPathVariable => providerPathVariable,
                "PATH" => pathVariable,
                _ => null,
            });

    [Fact]
    public void Directories_are_searched_config_first_then_the_variable_then_beside_cigen_then_PATH()
    {
        var locator = Locator(directory.Combine("env1") + Path.PathSeparator + directory.Combine("env2"), directory.Combine("bin"), "config");

        locator.SearchDirectories.Select(d => d.Origin).Should().Equal(
            "provider_path", ProviderLocator.SearchPathVariable, ProviderLocator.SearchPathVariable, "beside cigen", "PATH");
        locator.SearchDirectories[3].Path.Should().Be(AppContext.BaseDirectory.TrimEnd('/'));
    }

    [Fact]
    public void The_first_directory_holding_the_provider_wins()
    {
        Executable("bin/cigen-provider-demo");
        var fromVariable = Executable("env/cigen-provider-demo");

        Locator(directory.Combine("env"), directory.Combine("bin")).Find("demo", directory.Path)
            .Should().Be(new ProviderExecutable("demo", fromVariable));

        var fromConfig = Executable("config/cigen-provider-demo");
        Locator(directory.Combine("env"), directory.Combine("bin"), "config").Find("demo", directory.Path).Path.Should().Be(fromConfig);
    }

    [Fact]
    public void Aliases_resolve_to_the_canonical_executable_and_first_party_providers_are_found_beside_cigen()
    {
        var found = Locator().Find("github-actions", directory.Path);

        found.Name.Should().Be("github");
        found.Path.Should().Be(Path.Combine(AppContext.BaseDirectory, "cigen-provider-github"));
    }

    [Fact]
    public void A_path_is_taken_as_the_executable_itself()
    {
        var path = Executable("tools/cigen-provider-local");

        Locator().Find("tools/cigen-provider-local", directory.Path).Should().Be(new ProviderExecutable("local", path));
        Locator().Find("./tools/cigen-provider-local", directory.Path).Path.Should().Be(path);
    }

    [Fact]
    public void A_file_without_execute_permission_is_not_a_provider()
    {
        directory.Write("env/cigen-provider-demo", "#!/bin/sh\n");

        var act = () => Locator(directory.Combine("env")).Find("demo", directory.Path);
        act.Should().Throw<ProviderException>().Which.Code.Should().Be(GenerationCodes.ProviderNotFound);

        var byPath = () => Locator().Find("env/cigen-provider-demo", directory.Path);
        byPath.Should().Throw<ProviderException>().WithMessage("*is not executable*chmod +x*");
    }

    [Fact]
    public void Not_found_lists_where_it_looked_and_suggests_a_known_name()
    {
        var act = () => Locator(directory.Combine("env"), directory.Combine("bin")).Find("githb", directory.Path);

        var failure = act.Should().Throw<ProviderException>().Which;
        failure.Code.Should().Be(GenerationCodes.ProviderNotFound);
        failure.Message.Should().StartWith("provider 'githb' not found; did you mean `github`?")
            .And.Contain("No executable cigen-provider-githb in:")
            .And.Contain($"  {directory.Combine("env")} ({ProviderLocator.SearchPathVariable})")
            .And.Contain($"  {directory.Combine("bin")} (PATH)")
            .And.Contain("--provider");
    }

    [Fact]
    public void Listing_finds_each_provider_once_and_skips_the_builds_side_files()
    {
        Executable("env/cigen-provider-zeta");
        Executable("env/cigen-provider-alpha");
        Executable("bin/cigen-provider-alpha");
        directory.Write("env/cigen-provider-zeta.dll", "not a provider");

        var all = Locator(directory.Combine("env"), directory.Combine("bin")).FindAll();

        all.Select(p => p.Name).Should().Equal("alpha", "circleci", "github", "zeta");
        all[0].Path.Should().Be(directory.Combine("env", "cigen-provider-alpha"));
    }

    public void Dispose() => directory.Dispose();
}
