using System.Diagnostics;
using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Skipping where it went wrong once: a checkout inside a command or none at all, one job id in two workflows of a
/// dynamic config, a marker file left by an earlier run, a backend client the image lacks, a macOS or Windows executor.
/// Scripts run in bash as in <see cref="SkippingTests"/>.
/// </summary>
public sealed class SkippingReviewTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("cigen-circleci-skip-review-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static readonly string[] Start = [SkipSteps.HashStepName, SkipSteps.LookupStepName, SkipSteps.HaltStepName];

    [Fact]
    public void Skip_steps_follow_a_command_that_checks_out_even_through_another_command()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Steps = [G.Run("echo hi", "Hello"), G.UseCommand("prepare"), G.Run("make lint", "Lint")] };
        var graph = G.Graph(G.Workflow("ci", lint)) with
        {
            Commands = [G.Command("sources", G.Checkout()), G.Command("prepare", G.UseCommand("sources"), G.Run("make deps", "Deps"))],
        };

        Names(Jobs(Render.Config(graph)), "lint").Should().Equal(["Hello", "prepare", .. Start, "Lint", "Write the skip marker", SkipSteps.RecordStepName]);
    }

    [Fact]
    public void A_job_without_a_checkout_gets_one_before_the_skip_steps()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Checkout = false, Steps = [G.Run("make lint", "Lint")] };

        Names(Jobs(Render.Jobs(lint)), "lint").Should().Equal(["checkout", .. Start, "Lint", "Write the skip marker", SkipSteps.RecordStepName]);
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
        var graph = SampleGraphs.Dynamic(G.Graph(
            G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native())),
            G.Workflow("release", SkippingSample.Lint(SkippingSample.Native()) with
            {
                Skipping = SkippingSample.Lint(SkippingSample.Native()).Skipping! with { Markers = [new SkipMarker { Prefix = "cigen-skip-v1/linux-amd64/release/lint/" }] },
            })));

        var setup = Render.Graph(graph).Files[0].Content;

        setup.Should().Contain("ci ci_lint /tmp/cigen/skip/ci/lint/marker\n").And.Contain("release release_lint /tmp/cigen/skip/release/lint/marker\n");
    }

    [Fact]
    public void A_marker_file_left_by_an_earlier_run_does_not_skip_the_job()
    {
        var backend = SkippingSample.Redis() with { LookupScript = "cigen_marker_lookup() {\n  return 1\n}\n" };
        var jobs = Jobs(Render.Config(SkippingSample.Graph(backend)));
        Directory.CreateDirectory(Path.Combine(temp, "src"));
        File.WriteAllText(Path.Combine(temp, "src/a.txt"), "a\n");
        Directory.CreateDirectory(Path.Combine(temp, "skip/ci/lint"));
        File.WriteAllText(Path.Combine(temp, "skip/ci/lint/marker"), "");

        foreach (var name in Start)
        {
            var run = RunStep(Step(jobs, "lint", name), Tools.Stubs);
            run.ExitCode.Should().Be(0, run.Error);
        }

        File.Exists(Path.Combine(temp, "agent")).Should().BeFalse("the lookup found no marker");
    }

    [Theory]
    [InlineData("redis", "redis-cli", "redis-tools", true)]
    [InlineData("redis", "redis-cli", "redis-tools", false)]
    [InlineData("s3", "aws", "awscli", true)]
    [InlineData("s3", "aws", "awscli", false)]
    public void A_missing_backend_client_is_installed_with_sudo_and_its_failure_only_warns(string type, string client, string package, bool installs)
    {
        var backend = (type == "s3" ? SkippingSample.S3() : SkippingSample.Redis()) with
        {
            LookupScript = $"cigen_marker_lookup() {{\n  {client} lookup \"$1\"\n}}\n",
            RecordScript = $"cigen_marker_record() {{\n  {client} record \"$1\"\n}}\n",
        };
        var jobs = Jobs(Render.Config(SkippingSample.Graph(backend)));
        Directory.CreateDirectory(Path.Combine(temp, "skip/ci/lint"));
        File.WriteAllText(Path.Combine(temp, "skip/ci/lint/hash"), new string('a', 64) + "\n");
        var bin = Path.Combine(temp, "bin");
        Stub(bin, "id", "echo 1000\n");
        Stub(bin, "sudo", $"echo \"sudo $*\" >> '{temp}/calls'\n\"$@\"\n");
        Stub(bin, "python3", $"echo \"python3 $*\" >> '{temp}/calls'\nexit 1\n");
        Stub(bin, "apt-get", $"echo \"apt-get $*\" >> '{temp}/calls'\n"
            + (installs ? $"case \"$*\" in *install*) printf '#!/usr/bin/env bash\\necho \"$*\" >> {temp}/client\\n' > '{bin}/{client}'; chmod +x '{bin}/{client}' ;; esac\n" : "case \"$*\" in *install*) exit 100 ;; esac\n"));

        var lookup = RunStep(Step(jobs, "lint", SkipSteps.LookupStepName), Tools.Isolated);
        var record = RunStep(Step(jobs, "lint", SkipSteps.RecordStepName), Tools.Isolated);

        lookup.ExitCode.Should().Be(0, lookup.Error);
        record.ExitCode.Should().Be(0, record.Error);
        var calls = File.ReadAllText(Path.Combine(temp, "calls"));
        calls.Should().Contain("sudo apt-get update -qq\n")
            .And.Contain($"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {package}\n");
        if (installs)
        {
            File.ReadAllText(Path.Combine(temp, "client")).Should().Be(
                $"lookup cigen-skip-v1/linux-amd64/ci/lint/{new string('a', 64)}\nrecord cigen-skip-v1/linux-amd64/ci/lint/{new string('a', 64)}\n");
            lookup.Error.Should().NotContain("warning");
            calls.Should().NotContain("python3", "apt-get installed the client");
        }
        else
        {
            lookup.Error.Should().Contain($"could not install").And.Contain("the job runs");
            record.Error.Should().Contain("could not install").And.Contain("could not record");
            File.Exists(Path.Combine(temp, "skip/ci/lint/marker")).Should().BeFalse();
            if (type == "s3")
            {
                calls.Should().Contain("python3 -m pip install --quiet --user awscli\n");
            }
        }
    }

    [Fact]
    public void A_present_backend_client_is_not_installed_again()
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Redis() with { LookupScript = "cigen_marker_lookup() {\n  redis-cli x\n}\n" })));
        Directory.CreateDirectory(Path.Combine(temp, "skip/ci/lint"));
        File.WriteAllText(Path.Combine(temp, "skip/ci/lint/hash"), new string('a', 64) + "\n");
        var bin = Path.Combine(temp, "bin");
        Stub(bin, "redis-cli", "exit 1\n");
        Stub(bin, "apt-get", $"echo \"apt-get $*\" >> '{temp}/calls'\n");

        RunStep(Step(jobs, "lint", SkipSteps.LookupStepName), Tools.Isolated).ExitCode.Should().Be(0);

        File.Exists(Path.Combine(temp, "calls")).Should().BeFalse();
    }

    [Theory]
    [InlineData("macos.m1.medium.gen1", null)]
    [InlineData("windows.medium", null)]
    [InlineData(null, "mcr.microsoft.com/windows/servercore:ltsc2022")]
    public void A_job_on_a_macos_or_windows_executor_is_never_skipped_and_says_why(string? resourceClass, string? image)
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Runner = new RunnerSelection { ResourceClass = resourceClass }, Image = image };

        var result = Render.Graph(G.Graph(G.Workflow("ci", lint)));
        var dynamic = Render.Graph(SampleGraphs.Dynamic(G.Graph(G.Workflow("ci", lint))));

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SkipExecutor)
            .Which.Should().Match<Diagnostic>(d => d.Severity == Severity.Warning && d.File == lint.Source.File && d.Job == "lint" && d.Message.Contains("needs a Linux executor"));
        Names(Jobs(result.Files[0].Content), "lint").Should().Equal("checkout", "Lint");
        dynamic.Files[0].Content.Should().NotContain("/tmp/cigen/skip/ci/lint");
    }

    [Fact]
    public void A_linux_image_that_builds_for_windows_still_skips()
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Image = "dockcross/windows-static-x64" };

        Render.Diagnostics(lint).Should().NotContain(d => d.Code == DiagnosticCodes.SkipExecutor);
    }

    private enum Tools
    {
        /// <summary>The machine's PATH after the stubs.</summary>
        Stubs,

        /// <summary>Only the stubs and a few coreutils: the machine's own clients are out of sight.</summary>
        Isolated,
    }

    private JsonElement Filter(string config, params string[] skipped)
    {
        var input = Path.Combine(temp, "config.json");
        File.WriteAllText(input, config);
        var run = ShellRun.Run("jq", ["--argjson", "skip", "[" + string.Join(",", skipped.Select(s => $"\"{s}\"")) + "]", SkipContinuation.Filter, input], temp);
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

    private (int ExitCode, string Error) RunStep(YamlNode step, Tools tools)
    {
        var bin = Path.Combine(temp, "bin");
        Stub(bin, "circleci-agent", $"printf '%s\\n' \"$*\" >> '{temp}/agent'\n");
        var path = bin;
        if (tools == Tools.Isolated)
        {
            var core = Path.Combine(temp, "core");
            Directory.CreateDirectory(core);
            foreach (var tool in new[] { "bash", "env", "cat", "chmod", "mkdir", "rm", "touch", "grep", "wc" })
            {
                var found = ShellRun.Run("bash", ["-c", $"command -v {tool}"], temp).Text.Trim();
                if (!File.Exists(Path.Combine(core, tool)))
                {
                    File.CreateSymbolicLink(Path.Combine(core, tool), found);
                }
            }

            path += Path.PathSeparator + core;
        }
        else
        {
            path += Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        var settings = (YamlMappingNode)((YamlMappingNode)step).Children.Values.Single();
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = temp, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-eo", "pipefail", "-c", Moved(((YamlScalarNode)settings["command"]).Value!) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = path;
        start.Environment["HOME"] = temp;
        if (settings.Children.ContainsKey("environment"))
        {
            foreach (var (name, value) in ((YamlMappingNode)settings["environment"]).Children)
            {
                start.Environment[((YamlScalarNode)name).Value!] = Moved(((YamlScalarNode)value).Value!);
            }
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000).Should().BeTrue();
        return (process.ExitCode, error.Result);
    }

    private string Moved(string text) => text.Replace("/tmp/cigen/", $"{temp}/", StringComparison.Ordinal);

    private static void Stub(string bin, string name, string body)
    {
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        ShellRun.Run("chmod", ["+x", path], bin).ExitCode.Should().Be(0);
    }

    private static YamlMappingNode Jobs(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
    }

    private static YamlNode Step(YamlMappingNode jobs, string job, string name) => ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Single(s => NameOf(s) == name);

    private static IReadOnlyList<string> Names(YamlMappingNode jobs, string job) => [.. ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Select(NameOf)];

    private static string NameOf(YamlNode step) => step switch
    {
        YamlScalarNode scalar => scalar.Value!,
        YamlMappingNode mapping when mapping.Children.Values.Single() is YamlMappingNode s && s.Children.ContainsKey("name") => ((YamlScalarNode)s["name"]).Value!,
        YamlMappingNode mapping => ((YamlScalarNode)mapping.Children.Keys.Single()).Value!,
        _ => "",
    };
}
