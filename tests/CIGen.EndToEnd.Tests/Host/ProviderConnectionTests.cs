using System.Diagnostics;
using CIGen.Core.Generation;
using CIGen.Core.Providers;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Host;

/// <summary>The host against real provider processes: the Python provider and the misbehaving one.</summary>
public sealed class ProviderConnectionTests : IDisposable
{
    private static readonly ProviderHostOptions FastOptions = new()
    {
        HandshakeTimeout = TimeSpan.FromSeconds(20),
        CallTimeout = TimeSpan.FromSeconds(20),
        ShutdownGrace = TimeSpan.FromSeconds(1),
    };

    private readonly TempDirectory directory = new();
    private readonly StringWriter log = new();

    private static GenerateParams Request => new(
        new CIGen.Protocol.Graph
        {
            ConfigSource = "cigen.yml",
            Workflows =
            [
                new Workflow
                {
                    Id = "ci",
                    Source = new SourceLocation("cigen.yml", 1, 1),
                    Env = new() { ["PY"] = "3.10", ["N"] = Scalar.Number("3.10") },
                    Jobs =
                    [
                        new Job
                        {
                            Id = "test",
                            Source = new SourceLocation("cigen.yml", 2, 3),
                            Steps =
                            [
                                new RunStep { Name = "Test", Run = "make test", Source = new SourceLocation("cigen.yml", 4, 7) },
                                new UsesStep { Uses = "actions/cache@v4", Source = new SourceLocation("cigen.yml", 6, 7) },
                            ],
                        },
                    ],
                },
            ],
        },
        new GenerateOptions());

    private ProviderExecutable Misbehaving(string mode) => new(mode, ProviderFixtures.InstallMisbehaving(directory.Path, mode));

    [Fact]
    public async Task The_python_provider_handshakes_generates_and_logs_with_its_name()
    {
        var executable = new ProviderExecutable("python", ProviderFixtures.InstallPython(directory.Path));

        await using (var connection = await ProviderConnection.StartAsync(executable, FastOptions, log, default))
        {
            connection.Description.Should().BeEquivalentTo(new InitializeResult("python", "1.0.0", ProtocolInfo.CurrentVersion, [], [".python-ci/*.yml"]));
            var result = await connection.GenerateAsync(Request, default);

            result.Files.Should().ContainSingle().Which.Path.Should().Be(".python-ci/ci.yml");
            result.Files[0].Content.Should().Contain("env.PY: \"3.10\"\nenv.N: 3.10\n").And.Contain("- run: \"make test\"\n        name: \"Test\"");
            result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
                Severity.Warning, "PY001", "'uses' steps are not supported by the python provider; the step is left out", "cigen.yml", 6, 7, "ci", "test"));
        }

        log.ToString().Should().Contain($"[python] initialized by cigen {HostIdentity.Version}, protocol {ProtocolInfo.CurrentVersion}");
    }

    [Fact]
    public async Task A_provider_sees_only_the_minimal_environment_never_the_users_secrets()
    {
        var secret = "CIGEN_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(secret, "hunter2");
        try
        {
            await using var connection = await ProviderConnection.StartAsync(Misbehaving("envdump"), FastOptions, log, default);
            var names = (await connection.GenerateAsync(Request, default)).Files.Single().Content.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            names.Should().NotContain(secret);
            names.Should().Contain([ProtocolInfo.MagicCookieName, "PATH"]);

            // Exactly which other names appear depends on how the interpreter is launched (a pyenv shim adds its own);
            // ProviderEnvironmentTests pins the list the host passes.
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
        }
    }

    [Fact]
    public async Task A_crash_reports_the_exit_code_and_the_last_stderr_lines()
    {
        await using var connection = await ProviderConnection.StartAsync(Misbehaving("crash"), FastOptions, log, default);

        var failure = (await FluentActions.Awaiting(() => connection.GenerateAsync(Request, default)).Should().ThrowAsync<ProviderException>()).Which;

        failure.Code.Should().Be(GenerationCodes.ProviderCrashed);
        failure.Message.Should().StartWith("provider 'crash' (")
            .And.Contain("exited with code 3 during 'generate'")
            .And.Contain("  about to fail")
            .And.Contain("  Traceback: something broke");
        log.ToString().Should().Contain("[crash] about to fail");
    }

    [Fact]
    public async Task A_hang_times_out_and_the_provider_is_stopped()
    {
        var options = FastOptions with { CallTimeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        var connection = await ProviderConnection.StartAsync(Misbehaving("hang"), options, log, default);

        var failure = (await FluentActions.Awaiting(() => connection.GenerateAsync(Request, default)).Should().ThrowAsync<ProviderException>()).Which;
        await connection.DisposeAsync();

        failure.Code.Should().Be(GenerationCodes.ProviderTimeout);
        failure.Message.Should().Contain("did not answer 'generate' within 1 s").And.Contain("thinking forever");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Stray_stdout_output_is_named_in_the_error()
    {
        await using var connection = await ProviderConnection.StartAsync(Misbehaving("stray"), FastOptions, log, default);

        var failure = (await FluentActions.Awaiting(() => connection.GenerateAsync(Request, default)).Should().ThrowAsync<ProviderException>()).Which;

        failure.Code.Should().Be(GenerationCodes.ProviderProtocolViolation);
        failure.Message.Should().Contain("wrote non-protocol output to stdout: \"hello from a careless provider")
            .And.Contain("log to stderr");
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_is_a_protocol_violation()
    {
        await using var connection = await ProviderConnection.StartAsync(Misbehaving("badresult"), FastOptions, log, default);

        var failure = (await FluentActions.Awaiting(() => connection.GenerateAsync(Request, default)).Should().ThrowAsync<ProviderException>()).Which;

        failure.Code.Should().Be(GenerationCodes.ProviderProtocolViolation);
        failure.Message.Should().Contain("provider 'badresult' (").And.Contain("sent a 'generate' answer cigen cannot read");
    }

    [Fact]
    public async Task A_version_outside_the_offered_range_names_both_versions()
    {
        var failure = (await FluentActions.Awaiting(() => ProviderConnection.StartAsync(Misbehaving("wrongversion"), FastOptions, log, default))
            .Should().ThrowAsync<ProviderException>()).Which;

        failure.Code.Should().Be(GenerationCodes.ProtocolVersionMismatch);
        failure.Message.Should().Contain("chose protocol version 99").And.Contain($"speaks protocol version {ProtocolInfo.CurrentVersion}");
    }

    [Fact]
    public async Task A_provider_refusing_the_offered_versions_is_reported_with_both_ranges()
    {
        var failure = (await FluentActions.Awaiting(() => ProviderConnection.StartAsync(Misbehaving("oldversion"), FastOptions, log, default))
            .Should().ThrowAsync<ProviderException>()).Which;

        failure.Code.Should().Be(GenerationCodes.ProtocolVersionMismatch);
        failure.Message.Should().Contain("does not speak a protocol version cigen").And.Contain("this provider speaks 0-0");
    }

    [Fact]
    public async Task A_protocol_1_provider_is_refused_with_a_message_naming_both_versions()
    {
        var failure = (await FluentActions.Awaiting(() => ProviderConnection.StartAsync(Misbehaving("v1"), FastOptions, log, default))
            .Should().ThrowAsync<ProviderException>()).Which;

        ProtocolInfo.MinimumVersion.Should().Be(2, "protocol 2 replaced protocol 1: no shell, no provider names in the contract");
        failure.Code.Should().Be(GenerationCodes.ProtocolVersionMismatch);
        failure.Message.Should().Contain($"speaks ({ProtocolInfo.CurrentVersion})").And.Contain("this provider speaks 1-1");
    }

    [Fact]
    public async Task A_file_that_cannot_be_executed_is_reported_as_not_startable()
    {
        var path = directory.Write("cigen-provider-garbage", "this is not a program\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var failure = (await FluentActions.Awaiting(() => ProviderConnection.StartAsync(new ProviderExecutable("garbage", path), FastOptions, log, default))
            .Should().ThrowAsync<ProviderException>()).Which;

        failure.Message.Should().Contain("provider 'garbage'").And.MatchRegex("could not be started|exited with code");
    }

    [Fact]
    public async Task Providers_run_concurrently_and_each_outcome_is_reported()
    {
        var providers = new[] { Misbehaving("hang"), Misbehaving("good"), Misbehaving("crash") };
        var options = FastOptions with { CallTimeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();

        var runs = await ProviderRun.RunAllAsync(providers, Request.Graph, Request.Options, options, log, default);

        runs.Select(r => r.Executable.Name).Should().Equal("hang", "good", "crash");
        runs[0].Failure!.Code.Should().Be(GenerationCodes.ProviderTimeout);
        runs[1].Result!.Files.Should().ContainSingle().Which.Path.Should().Be(".good/ok.yml");
        runs[2].Failure!.Code.Should().Be(GenerationCodes.ProviderCrashed);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(12), "a hang of 3 s + 1 s grace must not add up with the others");
    }

    [Fact]
    public async Task Run_by_hand_without_the_magic_cookie_a_provider_explains_itself_and_exits_1()
    {
        var start = new ProcessStartInfo(ProviderFixtures.InstallPython(directory.Path))
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment.Remove(ProtocolInfo.MagicCookieName);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        process.ExitCode.Should().Be(1);
        error.Should().Contain("This is a cigen provider plugin; cigen starts it");
    }

    public void Dispose() => directory.Dispose();
}
