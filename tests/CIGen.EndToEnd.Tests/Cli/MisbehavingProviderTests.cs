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
        // Seconds, not one: the timeout covers `initialize` too, and a busy machine may take more than a second to start
        // Python. The provider hangs in `generate` whatever the budget, so the test waits its length and no longer.
        var result = Generate("hang", "--provider-timeout", "10");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderTimeout}: provider 'hang'").And.Contain("did not answer 'generate' within 10 s");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_timeout_sends_the_provider_nothing_more_and_kills_its_whole_process_tree()
    {
        // docs/protocol.md §3: on a timeout neither $/cancelRequest nor shutdown, stdin closed, then the tree killed. The
        // spy logs what it reads after `generate` and keeps running past EOF, with a grandchild, so only the kill ends both.
        var result = Generate("hangspy", "--provider-timeout", "10");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderTimeout}: provider 'hangspy'");
        File.ReadAllText(Providers.Combine("hangspy.log")).Should().Be("EOF\n", "the host sends nothing after the call that timed out, then closes stdin");
        var grandchild = int.Parse(File.ReadAllText(Providers.Combine("hangspy.pid")), System.Globalization.CultureInfo.InvariantCulture);
        IsRunning(grandchild).Should().BeFalse("the provider's whole process tree is killed, grandchildren included");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void After_generate_the_provider_gets_shutdown_then_eof_and_is_killed_with_its_tree_if_it_lingers()
    {
        // docs/protocol.md §3, stopping: shutdown, stdin closed, then after the grace the whole tree killed.
        var result = Generate("lingerspy");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        File.ReadAllText(Providers.Combine("lingerspy.log")).Should().Be("initialize\ngenerate\nshutdown\nEOF\n");
        var grandchild = int.Parse(File.ReadAllText(Providers.Combine("lingerspy.pid")), System.Globalization.CultureInfo.InvariantCulture);
        IsRunning(grandchild).Should().BeFalse("a provider that does not exit is killed, grandchildren included");
    }

    /// <summary>Whether a process is alive (a zombie waiting for its reaper is not).</summary>
    private static bool IsRunning(int pid)
    {
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z'));
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

    [Theory]
    [InlineData("wrongid")]
    [InlineData("wrongidtype")]
    public void A_response_under_an_id_cigen_never_sent_is_reported_as_such_not_as_the_exit_it_causes(string mode)
    {
        var result = Generate(mode);

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderProtocolViolation}: provider '{mode}' (")
            .And.Contain("broke the protocol during 'generate': A response was received without a request having been sent. A response carries the id")
            .And.NotContain("exited with code");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_stray_line_break_is_shown_escaped_not_as_an_empty_quote()
    {
        var result = Generate("trailingnewline");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain("wrote non-protocol output to stdout: \"\\n").And.NotContain("stdout: \"\"");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_path_with_a_line_break_is_quoted_on_one_line()
    {
        var result = Generate("newlinepath");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain("provider 'newlinepath' returned the path '.bad/a\\nb.yml': ");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_missing_protocol_version_is_named_not_read_as_version_0()
    {
        var result = Generate("noversion");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProtocolVersionMismatch}: provider 'noversion' (")
            .And.Contain("answered 'initialize' without \"protocolVersion\"").And.NotContain("version 0");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_json_path_not_by_dotnet_types()
    {
        var result = Generate("badresult");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain("sent a 'generate' answer cigen cannot read: the value at $.files is not of the type docs/protocol.md gives it.")
            .And.NotContain("IReadOnlyList").And.NotContain("CIGen.Protocol").And.NotContain("System.");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_request_from_the_provider_is_answered_method_not_found_and_a_notification_ignored()
    {
        // docs/protocol.md §3: the host serves no methods; the provider's call fails, its generate goes on.
        var result = Generate("asks");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        File.ReadAllText(Project.Combine(".good/asked.yml")).Should().EndWith("answer: -32601\n");
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
    public void A_result_without_files_is_a_protocol_error_and_deletes_nothing()
    {
        Misbehaving("nofiles");
        var earlier = Project.Write(".good/ok.yml", "# Generated by cigen from cigen.yml - do not edit.\nok: true\n");

        var result = Run("generate", "--provider", "nofiles");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.ProviderProtocolViolation}: provider 'nofiles'")
            .And.Contain("answered 'generate' without \"files\"");
        File.Exists(earlier).Should().BeTrue();
    }

    [Fact]
    public void A_file_and_a_directory_at_one_path()
    {
        var result = Generate("dirclash");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.DuplicateOutputPath}: provider 'dirclash' returned the file '.woodpecker/ci.yml' and provider 'dirclash' the file '.woodpecker/ci.yml/sub.yml' inside it");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_name_longer_than_file_systems_take()
    {
        var result = Generate("longsegment");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.InvalidOutputPath}: provider 'longsegment' returned the path '.good/nnn")
            .And.Contain("a segment is longer than 255 bytes");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void A_hand_written_file_at_a_generated_path_is_kept_unless_forced()
    {
        Misbehaving("good");
        var handWritten = Project.Write(".good/ok.yml", "ok: mine\n");

        var refused = Run("generate", "--provider", "good");

        refused.ExitCode.Should().Be(ExitCodes.ProviderFailure, refused.ToString());
        refused.Error.Should().Contain($"error {GenerationCodes.WriteFailed}: cannot write '.good/ok.yml': the file exists and cigen did not write it")
            .And.Contain("it is kept").And.Contain("--force").And.Contain("cigen: nothing was written.");
        File.ReadAllText(handWritten).Should().Be("ok: mine\n");

        var forced = Run("generate", "--provider", "good", "--force");

        forced.ExitCode.Should().Be(ExitCodes.Success, forced.ToString());
        File.ReadAllText(handWritten).Should().StartWith("# Generated by cigen from cigen.yml - do not edit.\n").And.EndWith("ok: true\n");
    }

    [Fact]
    public void A_200_MB_answer_is_refused_at_its_header_with_bounded_memory()
    {
        Misbehaving("huge");

        // Python's getrusage(RUSAGE_CHILDREN) gives the peak resident size of cigen, which .NET cannot read of a child.
        var measured = Run(["generate", "--provider", "huge"], new Dictionary<string, string?>(), measurePeakMemory: true);

        measured.Result.ExitCode.Should().Be(ExitCodes.ProviderFailure, measured.Result.ToString());
        measured.Result.Error.Should().Contain($"error {GenerationCodes.ProviderProtocolViolation}: provider 'huge'")
            .And.Contain("announced a message of 200 MiB (Content-Length 209715200), over the limit of 64 MiB")
            .And.Contain("--provider-max-response");
        measured.PeakMebibytes.Should().BeLessThan(150, "cigen must not buffer the answer");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void The_response_limit_can_be_lowered()
    {
        var result = Generate("good", "--provider-max-response", "1");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
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
