using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>Each way a provider can break the contract: a clear error, a non-zero exit code, and no file written.</summary>
public sealed class MisbehavingProviderTests : CliTestBase
{
    private Cigen.Result Generate(string mode, params string[] extra)
    {
        Misbehaving(mode);
        return Run(["generate", "--provider", mode, .. extra]);
    }

    [Fact]
    public void Stray_stdout_output()
    {
        var result = Generate("stray");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderProtocolViolation}: provider 'stray' (")
            .And.Contain("wrote non-protocol output to stdout: \"hello from a careless provider");
        result.Error.Should().Contain("cigen: nothing was written.");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void Crash_in_the_middle_of_a_call()
    {
        var result = Generate("crash");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain("exited with code 3 during 'generate'").And.Contain("  Traceback: something broke")
            .And.Contain("[crash] about to fail");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void Hang_until_the_timeout()
    {
        var result = Generate("hang", "--provider-timeout", "1");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderTimeout}: provider 'hang'").And.Contain("did not answer 'generate' within 1 s");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void Wrong_protocol_version()
    {
        var result = Generate("wrongversion");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProtocolVersionMismatch}:").And.Contain("chose protocol version 99")
            .And.Contain($"speaks protocol version {CIGen.Protocol.ProtocolInfo.CurrentVersion}");
        ShouldHaveWrittenNothing();
    }

    [Theory]
    [InlineData("dotdot", "'../x.yml': it has a '..' segment")]
    [InlineData("absolute", "'/tmp/cigen-absolute.yml': it is absolute")]
    public void Paths_outside_the_output_root(string mode, string message)
    {
        var result = Generate(mode);

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.InvalidOutputPath}: provider '{mode}' returned the path {message}");
        ShouldHaveWrittenNothing();
        File.Exists(Path.Combine(Path.GetDirectoryName(Project.Path)!, "x.yml")).Should().BeFalse();
    }

    [Fact]
    public void Duplicate_path_from_one_provider()
    {
        var result = Generate("duplicate");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.DuplicateOutputPath}: provider 'duplicate' returned '.bad/a.yml' twice.");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void Duplicate_path_from_two_providers()
    {
        Python("one");
        Python("two");

        var result = Run("generate", "--provider", "one", "--provider", "two");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain("providers 'one' and 'two' both write '.python-ci/ci.yml'");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void An_error_diagnostic_stops_all_output()
    {
        var result = Generate("errordiag");

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Error.Should().Contain("cigen.yml:2:3: error BAD001: this platform cannot do that [errordiag]");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void One_failing_provider_means_no_provider_writes()
    {
        Misbehaving("good");
        Misbehaving("crash");

        var result = Run("generate", "--provider", "good", "--provider", "crash");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        ShouldHaveWrittenNothing();
    }
}
