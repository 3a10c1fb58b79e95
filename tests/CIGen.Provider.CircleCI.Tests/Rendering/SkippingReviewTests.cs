using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.CircleCI.Tests.Fixtures.StepRunner;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Skipping where it went wrong once: a checkout inside a command or none at all, one job id in two workflows of a
/// dynamic config, a marker file left by an earlier run, a backend client the image lacks, a macOS or Windows executor.
/// Scripts run in bash as in <see cref="SkippingTests"/>.
/// </summary>
public sealed class SkippingReviewTests : IDisposable
{
    private readonly StepRunner runner = new();

    public void Dispose() => runner.Dispose();

    private static readonly string[] Start = [SkipSteps.HashStepName, SkipSteps.LookupStepName, SkipCommand.StepName];

    [Fact]
    public void Skip_steps_follow_a_command_that_checks_out_even_through_another_command()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Steps = [G.Run("echo hi", "Hello"), G.UseCommand("prepare"), G.Run("make lint", "Lint")], CheckoutIndex = 1 };
        var graph = G.Graph(G.Workflow("ci", lint)) with
        {
            Commands = [G.Command("sources", G.Checkout()), G.Command("prepare", G.UseCommand("sources"), G.Run("make deps", "Deps"))],
        };

        Names(Jobs(Render.Config(graph)), "lint").Should().Equal(["Hello", "prepare", .. Start, "Lint", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_job_without_a_checkout_gets_one_before_the_skip_steps()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Checkout = false, Steps = [G.Run("make lint", "Lint")], CheckoutIndex = null };

        Names(Jobs(Render.Jobs(lint)), "lint").Should().Equal(["checkout", .. Start, "Lint", SkipSteps.WriteStepName, SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_job_without_a_checkout_whose_steps_use_cigens_own_commands_gets_one_first()
    {
        var keys = CachingSample.Test().Steps.OfType<KeyValuesStep>().Single();
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Checkout = false, Steps = [keys, G.Run("make lint", "Lint")], CheckoutIndex = null };

        var result = Render.Graph(G.Graph(G.Workflow("ci", lint)));

        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        Names(Jobs(result.Files[0].Content), "lint").Should().StartWith(["checkout", .. Start, "Compute cache keys", "Lint"]);
    }

    [Fact]
    public void The_filter_skips_a_job_only_in_its_own_workflow_and_keeps_a_definition_another_workflow_runs()
    {
        var config = """
            {"version": 2.1,
             "jobs": {"lint": {"x": 1}, "test": {"x": 2}, "publish": {"x": 3}},
             "workflows": {
               "ci": {"jobs": ["lint", {"test": {"requires": ["lint"]}}]},
               "release": {"jobs": ["lint", {"publish": {"requires": ["lint"]}}]}}}
            """;

        var ciOnly = Filter(config, "ci/lint");
        WorkflowJobs(ciOnly, "ci").Should().Equal("test");
        WorkflowJobs(ciOnly, "release").Should().Equal("lint", "publish:lint");
        ciOnly.GetProperty("jobs").EnumerateObject().Select(j => j.Name).Should().Equal("lint", "test", "publish");

        var both = Filter(config, "ci/lint", "release/lint");
        WorkflowJobs(both, "release").Should().Equal("publish");
        both.GetProperty("jobs").EnumerateObject().Select(j => j.Name).Should().Equal("test", "publish");
    }

    [Fact]
    public void Setup_lists_each_skippable_job_with_its_workflow()
    {
        var graph = DynamicConfig.Of(G.Graph(
            G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native())),
            G.Workflow("release", SkippingSample.Lint(SkippingSample.Native()) with
            {
                Skipping = SkippingSample.Lint(SkippingSample.Native()).Skipping! with { Markers = [new SkipMarker { Prefix = "cigen-skip-v1/linux-amd64/release/lint/" }] },
            })));

        var setup = Render.Graph(graph).Files[0].Content;

        // Both jobs have the same inputs: one record of the hash serves both, each with its own marker.
        setup.Should().Contain("ci ci_lint ci_lint\n").And.Contain("release release_lint ci_lint\n")
            .And.Contain("marker ci_lint_marker cigen-skip-v1/linux-amd64/ci/lint/\n").And.Contain("marker release_lint_marker cigen-skip-v1/linux-amd64/release/lint/\n");
    }

    [Fact]
    public void A_marker_file_left_by_an_earlier_run_does_not_skip_the_job()
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Redis())));
        Checkout();
        runner.Stub("redis-cli", "echo 0\n");
        runner.WriteState("skip/job_marker_found", "true\n");
        runner.WriteState("skip/job_lookup", "true\n");

        foreach (var name in new[] { SkipSteps.HashAndLookupStepName, SkipCommand.StepName })
        {
            var run = runner.Run(Step(jobs, "lint", name), Redis);
            run.ExitCode.Should().Be(0, run.Error);
        }

        runner.Halted.Should().BeFalse("the lookup found no marker");
    }

    [Theory]
    [InlineData("redis", "redis-cli", "redis-tools", true)]
    [InlineData("redis", "redis-cli", "redis-tools", false)]
    [InlineData("s3", "aws", "awscli", true)]
    [InlineData("s3", "aws", "awscli", false)]
    public void A_missing_backend_client_is_installed_with_sudo_and_its_failure_only_warns(string type, string client, string package, bool installs)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(type == "s3" ? SkippingSample.S3() : SkippingSample.Redis())));
        Checkout();
        var calls = Path.Combine(runner.State, "../calls");
        var log = Path.Combine(runner.State, "../client");
        runner.Stub("id", "echo 1000\n");
        runner.Stub("sudo", $"echo \"sudo $*\" >> '{calls}'\n\"$@\"\n");
        runner.Stub("python3", $"echo \"python3 $*\" >> '{calls}'\nexit 1\n");
        // The client apt-get installs answers as for a marker that is not there, and stores one.
        var installed = Path.Combine(runner.State, "../installed-client");
        File.WriteAllText(installed, $"#!/usr/bin/env bash\necho \"$*\" >> '{log}'\n"
            + "case \"$*\" in *EXISTS*) echo 0 ;; *SET*) echo OK ;; *get-object*) echo 'An error occurred (NoSuchKey)' >&2; exit 254 ;; esac\n");
        runner.Stub("apt-get", $"echo \"apt-get $*\" >> '{calls}'\n"
            + (installs
                ? $"case \"$*\" in *install*) cp '{installed}' '{runner.Bin}/{client}'; chmod +x '{runner.Bin}/{client}' ;; esac\n"
                : "case \"$*\" in *install*) exit 100 ;; esac\n"));
        var variables = new Dictionary<string, string>(Redis) { ["AWS_KEY"] = "key", ["AWS_SECRET"] = "secret" };

        var lookup = runner.Run(Step(jobs, "lint", SkipSteps.HashAndLookupStepName), variables, Isolated());
        var record = runner.Run(Step(jobs, "lint", SkipSteps.RecordStepName), variables, Isolated());

        lookup.ExitCode.Should().Be(0, lookup.Error);
        record.ExitCode.Should().Be(0, record.Error);
        var called = File.ReadAllText(calls);
        called.Should().Contain("sudo apt-get update -qq\n")
            .And.Contain($"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {package}\n");
        var marker = File.ReadAllText(runner.StateFile("skip/job_marker")).Trim();
        if (installs)
        {
            File.ReadAllText(log).Should().Contain(type == "s3" ? $"get-object --bucket ci-markers --key {marker}" : $"EXISTS {marker}")
                .And.Contain(type == "s3" ? $"put-object --bucket ci-markers --key {marker}" : $"SET {marker}");
            lookup.Error.Should().NotContain("warning");
            record.Error.Should().NotContain("warning");
            called.Should().NotContain("python3", "apt-get installed the client");
        }
        else
        {
            lookup.Error.Should().Contain("could not install").And.Contain("the job runs");
            record.Error.Should().Contain("could not install").And.Contain("not recorded");
            File.ReadAllText(runner.StateFile("skip/job_marker_found")).Should().Be("false\n");
            if (type == "s3")
            {
                called.Should().Contain("python3 -m pip install --quiet --user awscli\n");
            }
        }
    }

    [Fact]
    public void A_present_backend_client_is_not_installed_again()
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Redis())));
        Checkout();
        runner.Stub("redis-cli", "echo 0\n");
        runner.Stub("apt-get", $"echo \"apt-get $*\" >> '{runner.State}/../calls'\n");

        runner.Run(Step(jobs, "lint", SkipSteps.HashAndLookupStepName), Redis, Isolated()).ExitCode.Should().Be(0);

        File.Exists(Path.Combine(runner.State, "../calls")).Should().BeFalse();
    }

    [Theory]
    [InlineData("macos.m1.medium.gen1", null)]
    [InlineData("windows.medium", null)]
    [InlineData(null, "mcr.microsoft.com/windows/servercore:ltsc2022")]
    public void A_job_on_a_macos_or_windows_executor_is_never_skipped_and_says_why(string? resourceClass, string? image)
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Runner = new RunnerSelection { ResourceClass = resourceClass }, Image = image };

        var result = Render.Graph(G.Graph(G.Workflow("ci", lint)));
        var dynamic = Render.Graph(DynamicConfig.Of(G.Graph(G.Workflow("ci", lint))));

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SkipExecutor)
            .Which.Should().Match<Diagnostic>(d => d.Severity == Severity.Warning && d.File == lint.Source.File && d.Job == "lint" && d.Message.Contains("needs a Linux executor"));
        Names(Jobs(result.Files[0].Content), "lint").Should().Equal("checkout", "Lint");
        dynamic.Files[0].Content.Should().NotContain("lint_marker");
    }

    [Fact]
    public void A_linux_image_that_builds_for_windows_still_skips()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Image = "dockcross/windows-static-x64" };

        Render.Diagnostics(lint).Should().NotContain(d => d.Code == DiagnosticCodes.SkipExecutor);
    }

    private JsonElement Filter(string config, params string[] skipped)
    {
        var input = Path.Combine(runner.State, "config.json");
        File.WriteAllText(input, config);
        var run = ShellRun.Run("jq", ["--argjson", "skip", "[" + string.Join(",", skipped.Select(s => $"\"{s}\"")) + "]", SkipContinuation.Filter, input], runner.State);
        run.ExitCode.Should().Be(0, run.StandardError);
        return JsonDocument.Parse(run.Text).RootElement.Clone();
    }

    private static IEnumerable<string> WorkflowJobs(JsonElement config, string workflow) =>
        config.GetProperty("workflows").GetProperty(workflow).GetProperty("jobs").EnumerateArray().Select(e =>
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                return e.GetString()!;
            }

            var entry = e.EnumerateObject().Single();
            return entry.Value.TryGetProperty("requires", out var r) ? $"{entry.Name}:{string.Join(',', r.EnumerateArray().Select(x => x.GetString()))}" : entry.Name;
        });

    private static readonly Dictionary<string, string> Redis = new() { ["REDIS_URL"] = "redis://localhost:1" };

    /// <summary>A PATH of a few tools the runtime needs, without the machine's backend clients.</summary>
    private string Isolated()
    {
        var core = Path.Combine(runner.State, "../core");
        Directory.CreateDirectory(core);
        foreach (var tool in new[] { "bash", "env", "cat", "chmod", "cp", "mkdir", "rm", "touch", "grep", "wc", "find", "sort", "xargs", "sha256sum", "mktemp", "uname", "date" })
        {
            var found = ShellRun.Run("bash", ["-c", $"command -v {tool}"], runner.Repository).Text.Trim();
            if (!File.Exists(Path.Combine(core, tool)))
            {
                File.CreateSymbolicLink(Path.Combine(core, tool), found);
            }
        }

        return core;
    }

    /// <summary>A checkout of the sample's jobs: their definition file and sources.</summary>
    private void Checkout()
    {
        runner.Write(SkippingSample.DefinitionFile, "jobs: {}\n");
        runner.Write("src/a.txt", "a\n");
    }

    private static IReadOnlyList<string> Names(YamlMappingNode jobs, string job) => [.. Steps(jobs, job).Select(NameOf)];
}
