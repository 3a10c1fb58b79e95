using System.Diagnostics;
using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Skipping unchanged jobs (<see cref="SkippingSample"/>): the steps read back from the config, and the generated halt
/// and continuation scripts run in bash against stubs of <c>cigen_marker_lookup</c>, <c>circleci-agent</c> and <c>curl</c>.
/// </summary>
public sealed class SkippingTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("cigen-circleci-skip-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string> Backends() => new("native", "s3", "redis");

    private static SkipBackend Backend(string type) => type switch
    {
        "native" => SkippingSample.Native(),
        "s3" => SkippingSample.S3(),
        _ => SkippingSample.Redis(),
    };

    [Theory]
    [MemberData(nameof(Backends))]
    public void Each_skippable_job_hashes_looks_up_and_halts_after_the_checkout_and_records_last(string backend)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(Backend(backend))));

        var record = backend == "native" ? new[] { "Write the skip marker", SkipSteps.RecordStepName } : [SkipSteps.RecordStepName];
        foreach (var (job, work) in new[] { ("lint", "Lint"), ("test_amd64", "Test"), ("test_arm64", "Test") })
        {
            Steps(jobs, job).Select(NameOf).Should().Equal(
                ["checkout", SkipSteps.HashStepName, SkipSteps.LookupStepName, SkipSteps.HaltStepName, work, .. record], job);
        }

        Steps(jobs, "deploy").Select(NameOf).Should().Equal("checkout", "Deploy");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Records_under_the_key_it_looked_up_with_each_legs_own_marker(string backend)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(Backend(backend))));

        foreach (var (job, prefix) in new[]
        {
            ("lint", "cigen-skip-v1/linux-amd64/ci/lint/"),
            ("test_amd64", "cigen-skip-v1/linux-amd64/ci/test_amd64/"),
            ("test_arm64", "cigen-skip-v1/linux-arm64/ci/test_arm64/"),
        })
        {
            var lookup = Settings(Step(jobs, job, SkipSteps.LookupStepName));
            var record = Settings(Step(jobs, job, SkipSteps.RecordStepName));
            if (backend == "native")
            {
                var key = ((YamlScalarNode)((YamlSequenceNode)lookup["keys"]).Single()).Value;
                key.Should().Be($"{prefix}{{{{ checksum \"/tmp/cigen/skip/ci/{job}/hash\" }}}}");
                Text(record, "key").Should().Be(key);
                ((YamlSequenceNode)record["paths"]).Cast<YamlScalarNode>().Select(p => p.Value).Should().Equal($"/tmp/cigen/skip/ci/{job}/marker");
            }
            else
            {
                Text((YamlMappingNode)lookup["environment"], "CIGEN_MARKER_PREFIX").Should().Be(prefix);
                Text((YamlMappingNode)record["environment"], "CIGEN_MARKER_PREFIX").Should().Be(prefix);
                var keyLine = $"key=\"${{CIGEN_MARKER_PREFIX}}$(cat /tmp/cigen/skip/ci/{job}/hash)\"";
                Text(lookup, "command").Should().Contain(keyLine + "\n").And.Contain("cigen_marker_lookup \"$key\"");
                Text(record, "command").Should().Contain(keyLine + "\n").And.Contain("if cigen_marker_record \"$key\"; then");
                record.Children.Should().NotContainKey("when", "a marker is recorded only when the job succeeded");
            }
        }
    }

    [Fact]
    public void Secrets_of_the_backend_are_exported_from_the_project_or_context_variables_never_written()
    {
        var config = Render.Config(SkippingSample.Graph(SkippingSample.S3()));

        config.Should().Contain("export AWS_ACCESS_KEY_ID=\"${AWS_KEY}\"\n").And.NotContain("AWS_ACCESS_KEY_ID: ");
        Render.Graph(SkippingSample.Graph(SkippingSample.S3())).Diagnostics.Should().ContainSingle(d => d.Code == "circleci.secret-source")
            .Which.Message.Should().Contain("`AWS_KEY`, `AWS_SECRET`");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(255, false)]
    public void Halts_only_when_the_lookup_says_the_marker_exists(int lookupStatus, bool halts)
    {
        var backend = SkippingSample.Redis() with { LookupScript = $"cigen_marker_lookup() {{\n  echo \"looked up $1\" >> \"{temp}/lookups\"\n  return {lookupStatus}\n}}\n" };
        var jobs = Jobs(Render.Config(SkippingSample.Graph(backend)));
        WriteHash("lint");

        var lookup = RunStep(Step(jobs, "lint", SkipSteps.LookupStepName));
        var halt = RunStep(Step(jobs, "lint", SkipSteps.HaltStepName));

        lookup.ExitCode.Should().Be(0, lookup.Error);
        File.ReadAllText(Path.Combine(temp, "lookups")).Should().Be($"looked up cigen-skip-v1/linux-amd64/ci/lint/{new string('a', 64)}\n");
        lookup.Error.Contains("warning", StringComparison.Ordinal).Should().Be(lookupStatus > 1, lookup.Error);
        halt.ExitCode.Should().Be(0, halt.Error);
        (File.Exists(Path.Combine(temp, "agent")) ? File.ReadAllText(Path.Combine(temp, "agent")) : "").Should().Be(halts ? "step halt\n" : "");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Native_halts_only_when_restore_cache_brought_the_marker(bool restored)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Native())));
        WriteHash("test_arm64");
        if (restored)
        {
            File.WriteAllText(Path.Combine(temp, "skip/ci/test_arm64/marker"), "");
        }

        RunStep(Step(jobs, "test_arm64", SkipSteps.HaltStepName)).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(temp, "agent")).Should().Be(restored);
    }

    [Fact]
    public void The_hash_step_fails_when_the_script_prints_no_hash_rather_than_share_an_empty_key()
    {
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()) with
        {
            Skipping = SkippingSample.Lint(SkippingSample.Native()).Skipping! with { HashScript = "true\n" },
        }));

        var hash = RunStep(Step(Jobs(Render.Config(graph)), "lint", SkipSteps.HashStepName));

        hash.ExitCode.Should().Be(1);
        hash.Error.Should().Contain("printed no JOB_HASH");
    }

    [Fact]
    public void Dynamic_config_is_one_small_setup_job_and_the_continued_pipeline_never_halts()
    {
        var result = Render.Graph(SampleGraphs.Dynamic(SkippingSample.Graph(SkippingSample.S3())));

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Should().BeEmpty();
        result.Files.Select(f => f.Path).Should().Equal(".circleci/config.yml", ".circleci/continue.json");
        var setup = Load(result.Files[0].Content);
        Text(setup, "setup").Should().Be("true");
        var job = (YamlMappingNode)((YamlMappingNode)setup["jobs"])["cigen_setup"];
        ((YamlMappingNode)setup["jobs"]).Children.Should().ContainSingle();
        Text((YamlMappingNode)((YamlSequenceNode)job["docker"])[0], "image").Should().Be("cimg/base:current");
        Text(job, "resource_class").Should().Be("small");
        ((YamlSequenceNode)job["steps"]).Select(NameOf).Should().Equal(
            "checkout", "Compute the job hashes", "Look up the skip marker of lint", "Look up the skip marker of test_amd64",
            "Look up the skip marker of test_arm64", SkipContinuation.ContinueStepName);

        var continued = Jobs(result.Files[1].Content);
        Steps(continued, "lint").Select(NameOf).Should().Equal("checkout", SkipSteps.HashStepName, "Lint", SkipSteps.RecordStepName);
        result.Files[1].Content.Should().NotContain("circleci-agent").And.NotContain("cigen_marker_lookup");
    }

    [Theory]
    [InlineData("", "lint|test_amd64|test_arm64|deploy", "lint:|test_amd64:lint|test_arm64:lint|deploy:test_amd64,test_arm64")]
    [InlineData("lint", "test_amd64|test_arm64|deploy", "test_amd64:|test_arm64:|deploy:test_amd64,test_arm64")]
    [InlineData("test_amd64,test_arm64", "lint|deploy", "lint:|deploy:lint")]
    [InlineData("lint,test_amd64", "test_arm64|deploy", "test_arm64:|deploy:test_arm64")]
    [InlineData("lint,test_amd64,test_arm64", "deploy", "deploy:")]
    public void Setup_continues_without_the_unchanged_jobs_and_their_dependents_require_what_they_required(string skipped, string jobs, string requires)
    {
        var body = Continue(SampleGraphs.Dynamic(SkippingSample.Graph(SkippingSample.Native())), skipped.Split(',', StringSplitOptions.RemoveEmptyEntries));

        body.GetProperty("continuation-key").GetString().Should().Be("key-123");
        body.GetProperty("parameters").EnumerateObject().Should().BeEmpty();
        using var configuration = JsonDocument.Parse(body.GetProperty("configuration").GetString()!);
        var config = configuration.RootElement;
        config.GetProperty("jobs").EnumerateObject().Select(j => j.Name).Should().Equal(jobs.Split('|'));
        var entries = config.GetProperty("workflows").GetProperty("ci").GetProperty("jobs").EnumerateArray().ToList();
        entries.Select(EntryName).Should().Equal(jobs.Split('|'));
        entries.Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
        {
            var settings = e.EnumerateObject().Single();
            var required = settings.Value.TryGetProperty("requires", out var r) ? r.EnumerateArray().Select(x => x.GetString()) : [];
            return $"{settings.Name}:{string.Join(',', required)}";
        }).Should().Equal(requires.Split('|'), "every entry keeps its filters, so each is a mapping");
        Validators.AssertValidCircleCiConfigs([new OutputFile("continued.json", body.GetProperty("configuration").GetString()!)]);
    }

    [Fact]
    public void Setup_ends_the_pipeline_when_every_job_is_unchanged()
    {
        var graph = SampleGraphs.Dynamic(G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()))));

        var body = Continue(graph, ["lint"]);

        body.GetProperty("configuration").GetString().Should().Be(SkipContinuation.Finish + "\n");
        body.GetProperty("parameters").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public void Setup_passes_the_pipeline_parameters_on()
    {
        var graph = SkippingSample.Graph(SkippingSample.Native());
        var workflow = graph.Workflows[0] with { Triggers = [new Trigger { Event = "schedule", Source = G.At(".cigen/workflows/ci.yml") }] };
        var result = Render.Graph(SampleGraphs.Dynamic(graph with { Workflows = [workflow] }));

        result.Files[0].Content.Should().Contain("parameters:\n  run_ci:\n").And.Contain("CIGEN_PIPELINE_PARAMETERS: '{\"run_ci\": << pipeline.parameters.run_ci >>}'");
        result.Files[1].Content.Should().Contain("\"when\": \"<< pipeline.parameters.run_ci >>\"");
    }

    [Theory]
    [InlineData("tag", false)]
    [InlineData("branch", true)]
    public void Setup_forgets_the_marker_of_a_job_that_never_skips_on_tags_on_a_tag_run(string refKind, bool kept)
    {
        var lint = SkippingSample.Lint(SkippingSample.Native());
        lint = lint with { Skipping = lint.Skipping! with { SkipOnTags = false, RefScoped = true, RefKindScript = "echo tag\n" } };
        var result = Render.Graph(SampleGraphs.Dynamic(G.Graph(G.Workflow("ci", lint))));
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", result.Files[0].Content)]);
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Load(result.Files[0].Content)["jobs"])["cigen_setup"])["steps"]).ToList();
        steps.Select(NameOf).Should().Equal(
            "checkout", SkipSteps.HashStepName, "Look up the skip marker of lint", "Run lint on every tag (skip_on_tags: false)", SkipContinuation.ContinueStepName);
        Settings(steps[1]).Children.Values.OfType<YamlScalarNode>().Select(v => v.Value).Should().Contain(c => c!.Contains("> /tmp/cigen/skip/ci/lint/ref_kind", StringComparison.Ordinal));
        ((YamlSequenceNode)Settings(steps[2])["keys"]).Select(k => ((YamlScalarNode)k).Value).Should().ContainSingle().Which.Should()
            .Be("cigen-skip-v1/linux-amd64/ci/lint/{{ checksum \"/tmp/cigen/skip/ci/lint/ref_kind\" }}/{{ checksum \"/tmp/cigen/skip/ci/lint/hash\" }}");

        Directory.CreateDirectory(Path.Combine(temp, "skip/ci/lint"));
        File.WriteAllText(Path.Combine(temp, "skip/ci/lint/ref_kind"), refKind + "\n");
        File.WriteAllText(Path.Combine(temp, "skip/ci/lint/marker"), "");
        var run = RunStep(steps[3]);

        run.ExitCode.Should().Be(0, run.Error);
        File.Exists(Path.Combine(temp, "skip/ci/lint/marker")).Should().Be(kept, $"a {refKind} run");
    }

    /// <summary>Runs the setup job's continue step with these marker files present; returns the body it posted.</summary>
    private JsonElement Continue(Graph graph, IReadOnlyList<string> skipped)
    {
        var result = Render.Graph(graph);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        Directory.CreateDirectory(Path.Combine(temp, ".circleci"));
        File.WriteAllText(Path.Combine(temp, ".circleci/continue.json"), result.Files.Single(f => f.Path.EndsWith(SkipContinuation.FileName, StringComparison.Ordinal)).Content);
        foreach (var job in skipped)
        {
            Directory.CreateDirectory(Path.Combine(temp, "skip/ci", job));
            File.WriteAllText(Path.Combine(temp, "skip/ci", job, "marker"), "");
        }

        var step = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Load(result.Files[0].Content)["jobs"])["cigen_setup"])["steps"])
            .Single(s => NameOf(s) == SkipContinuation.ContinueStepName);
        var run = RunStep(step, ("CIRCLE_CONTINUATION_KEY", "key-123"));
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(temp, "posted"))).RootElement.Clone();
    }

    private static string EntryName(JsonElement entry) => entry.ValueKind == JsonValueKind.String ? entry.GetString()! : entry.EnumerateObject().Single().Name;

    private void WriteHash(string job)
    {
        Directory.CreateDirectory(Path.Combine(temp, "skip/ci", job));
        File.WriteAllText(Path.Combine(temp, "skip/ci", job, "hash"), new string('a', 64) + "\n");
    }

    /// <summary>
    /// Runs a run step as CircleCI does (<c>bash -eo pipefail</c>, its environment), with <c>/tmp/cigen/</c> moved into
    /// the test's directory and stubs of <c>circleci-agent</c> and <c>curl</c> first on the PATH.
    /// </summary>
    private (int ExitCode, string Error) RunStep(YamlNode step, params (string Name, string Value)[] variables)
    {
        var bin = Path.Combine(temp, "bin");
        Directory.CreateDirectory(bin);
        Stub(bin, "circleci-agent", $"printf '%s\\n' \"$*\" >> '{temp}/agent'\n");
        Stub(bin, "curl", $"for a in \"$@\"; do case \"$a\" in @*) cp \"${{a#@}}\" '{temp}/posted' ;; esac; done\n");
        var settings = Settings(step);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = temp, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Moved(Text(settings, "command")));
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        if (settings.Children.ContainsKey("environment"))
        {
            foreach (var (name, value) in ((YamlMappingNode)settings["environment"]).Children)
            {
                start.Environment[((YamlScalarNode)name).Value!] = Moved(((YamlScalarNode)value).Value!);
            }
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000).Should().BeTrue();
        return (process.ExitCode, error.Result);
    }

    private string Moved(string text) => text.Replace("/tmp/cigen/skip/", $"{temp}/skip/", StringComparison.Ordinal).Replace("/tmp/cigen/", $"{temp}/", StringComparison.Ordinal);

    private static void Stub(string bin, string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        ShellRun.Run("chmod", ["+x", path], bin).ExitCode.Should().Be(0);
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Jobs(string config) => (YamlMappingNode)Load(config)["jobs"];

    private static IEnumerable<YamlNode> Steps(YamlMappingNode jobs, string job) => (YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"];

    private static YamlNode Step(YamlMappingNode jobs, string job, string name) => Steps(jobs, job).Single(s => NameOf(s) == name);

    private static string KindOf(YamlNode step) => step is YamlScalarNode scalar ? scalar.Value! : ((YamlMappingNode)step).Children.Keys.Cast<YamlScalarNode>().Single().Value!;

    private static YamlMappingNode Settings(YamlNode step) => (YamlMappingNode)((YamlMappingNode)step).Children.Values.Single();

    private static string Text(YamlMappingNode mapping, string key) => ((YamlScalarNode)mapping[key]).Value!;

    private static string NameOf(YamlNode step) =>
        step is YamlMappingNode mapping && mapping.Children.Values.Single() is YamlMappingNode s && s.Children.ContainsKey("name") ? Text(s, "name") : KindOf(step);
}
