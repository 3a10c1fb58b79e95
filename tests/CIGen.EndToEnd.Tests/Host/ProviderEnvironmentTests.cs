using CIGen.Core.Providers;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Host;

public class ProviderEnvironmentTests
{
    [Fact]
    public void Only_the_listed_variables_and_the_cookie_are_passed()
    {
        var parent = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/u",
            ["LANG"] = "C.UTF-8",
            ["DOTNET_ROOT"] = "/opt/dotnet",
            ["GITHUB_TOKEN"] = "ghp_secret",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        };

        var environment = ProviderEnvironment.Build(name => parent.GetValueOrDefault(name));

        environment.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/u",
            ["LANG"] = "C.UTF-8",
            ["DOTNET_ROOT"] = "/opt/dotnet",
            [ProtocolInfo.MagicCookieName] = ProtocolInfo.MagicCookieValue,
        });
    }

    [Fact]
    public void Without_DOTNET_ROOT_the_running_dotnet_installation_is_passed()
    {
        var environment = ProviderEnvironment.Build(_ => null);

        environment.Should().ContainKey("DOTNET_ROOT");
        Directory.Exists(Path.Combine(environment["DOTNET_ROOT"], "host", "fxr")).Should().BeTrue();
    }
}
