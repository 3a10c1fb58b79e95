using System.Diagnostics;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Protocol;

/// <summary>The SDK's process-level contract, seen through the first-party provider built beside cigen.</summary>
public class CSharpProviderProcessTests
{
    private static readonly string Provider = Path.Combine(AppContext.BaseDirectory, "cigen-provider-github");

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(bool withCookie)
    {
        var start = new ProcessStartInfo(Provider) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove(ProtocolInfo.MagicCookieName);
        if (withCookie)
        {
            start.Environment[ProtocolInfo.MagicCookieName] = ProtocolInfo.MagicCookieValue;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // end of input right away
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Started_by_hand_it_explains_itself_on_stderr_and_exits_1()
    {
        var (exitCode, output, error) = await RunAsync(withCookie: false);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith("This is a cigen provider plugin; cigen starts it");
    }

    [Fact]
    public async Task Started_by_cigen_it_exits_0_when_its_input_ends()
    {
        var (exitCode, output, _) = await RunAsync(withCookie: true);

        exitCode.Should().Be(0);
        output.Should().BeEmpty();
    }
}
