using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.CircleCI.Tests.Fixtures.StepRunner;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Skipping unchanged jobs (<see cref="SkippingSample"/>): the steps read back from the config with cigen's commands
/// inlined, and run in bash (<see cref="StepRunner"/>) — the runtime's hash over a checkout, S3/Redis lookups against a
/// stub client, the halt, and the setup job's continuation against stubs of <c>circleci-agent</c> and <c>curl</c>.
/// </summary>
public sealed class SkippingTests : IDisposable
{
    private readonly StepRunner runner = new();

    public void Dispose() => runner.Dispose();

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

        string[] start = backend == "native"
            ? [SkipSteps.HashStepName, SkipSteps.LookupStepName, SkipCommand.StepName]
            : [SkipSteps.HashAndLookupStepName, SkipCommand.StepName];
        var record = backend == "native" ? new[] { SkipSteps.WriteStepName, SkipSteps.RecordStepName } : [SkipSteps.RecordStepName];
        foreach (var (job, work) in new[] { ("lint", "Lint"), ("test_amd64", "Test"), ("test_arm64", "Test") })
        {
            Steps(jobs, job).Select(NameOf).Should().Equal(["checkout", .. start, work, .. record], job);
        }

        Steps(jobs, "deploy").Select(NameOf).Should().Equal("checkout", "Deploy");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Records_under_the_name_it_looked_up_with_each_legs_own_marker(string backend)
    {
        var config = Render.Config(SkippingSample.Graph(Backend(backend)));
        var jobs = Jobs(config);

        foreach (var (job, prefix) in new[]
        {
            ("lint", "cigen-skip-v1/linux-amd64/ci/lint/"),
            ("test_amd64", "cigen-skip-v1/linux-amd64/ci/test_amd64/"),
            ("test_arm64", "cigen-skip-v1/linux-arm64/ci/test_arm64/"),
        })
        {
            var hash = Settings(Steps(jobs, job)[1]);
            Text((YamlMappingNode)hash["environment"], "CIGEN_SPEC").Should().EndWith($"marker job_marker {prefix}\n");
            var record = Settings(Step(jobs, job, SkipSteps.RecordStepName));
            record.Children.Should().NotContainKey("when", "a marker is recorded only when the job succeeded");
            if (backend == "native")
            {
                var key = ((YamlScalarNode)((YamlSequenceNode)Settings(Step(jobs, job, SkipSteps.LookupStepName))["keys"]).Single()).Value;
                key.Should().Be($"{prefix}{{{{ checksum \"/tmp/cigen/skip/job_marker\" }}}}");
                Text(record, "key").Should().Be(key);
                ((YamlSequenceNode)record["paths"]).Cast<YamlScalarNode>().Select(p => p.Value).Should().Equal($"/tmp/cigen/skip/job_marker_found");
            }
            else
            {
                Text((YamlMappingNode)hash["environment"], "CIGEN_BACKEND").Should().Be(backend);
                Text((YamlMappingNode)record["environment"], "CIGEN_BACKEND").Should().Be(backend);
                Text((YamlMappingNode)record["environment"], "CIGEN_MARKER").Should().Be($"job_marker");
                Text((YamlMappingNode)record["environment"], "CIGEN_OPERATION").Should().Be("record");
            }
        }

        // The backend's settings are the command's default: the same for every use, written once.
        config.Split("CIGEN_REDIS_TTL=").Length.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Secrets_of_the_backend_are_read_from_the_project_or_context_variables_never_written()
    {
        var config = Render.Config(SkippingSample.Graph(SkippingSample.S3()));

        config.Should().Contain("AWS_ACCESS_KEY_ID=${AWS_KEY}\n").And.NotContain("AWS_ACCESS_KEY_ID: ");
        Render.Graph(SkippingSample.Graph(SkippingSample.S3())).Diagnostics.Should().ContainSingle(d => d.Code == "circleci.secret-source")
            .Which.Message.Should().Contain("`AWS_KEY`, `AWS_SECRET`");
    }

    [Theory]
    [InlineData("1", true, false)]
    [InlineData("0", false, false)]
    [InlineData("ERR connection refused", false, true)]
    public void Halts_only_when_the_lookup_says_the_marker_exists(string reply, bool halts, bool warns)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Redis())));
        Checkout();
        runner.Stub("redis-cli", $"echo \"$*\" >> '{runner.State}/../calls'\necho '{reply}'\n");
        var redis = new Dictionary<string, string> { ["REDIS_URL"] = "redis://localhost:1" };

        var hash = runner.Run(Step(jobs, "lint", SkipSteps.HashAndLookupStepName), redis);
        var halt = runner.Run(Step(jobs, "lint", SkipCommand.StepName));

        hash.ExitCode.Should().Be(0, hash.Error);
        hash.Output.Should().MatchRegex("job_hash=[0-9a-f]{64}\n").And.Contain($"job_marker_found={(halts ? "true" : "false")}\n");
        var marker = File.ReadAllText(runner.StateFile("skip/job_marker")).Trim();
        marker.Should().MatchRegex("^cigen-skip-v1/linux-amd64/ci/lint/[0-9a-f]{64}$");
        File.ReadAllText(Path.Combine(runner.State, "../calls")).Should().Contain($"EXISTS {marker}\n");
        hash.Error.Contains("warning", StringComparison.Ordinal).Should().Be(warns, hash.Error);
        halt.ExitCode.Should().Be(0, halt.Error);
        runner.Halted.Should().Be(halts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Native_halts_only_when_restore_cache_brought_the_marker(bool restored)
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Native())));
        Checkout();
        runner.Run(Step(jobs, "test_arm64", SkipSteps.HashStepName)).ExitCode.Should().Be(0);
        if (restored)
        {
            runner.WriteState("skip/job_marker_found", "true\n");
        }

        runner.Run(Step(jobs, "test_arm64", SkipCommand.StepName)).ExitCode.Should().Be(0);
        runner.Halted.Should().Be(restored);
    }

    [Fact]
    public void The_hash_step_fails_outside_a_checkout_of_the_job_rather_than_share_a_key()
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Native())));

        var hash = runner.Run(Step(jobs, "lint", SkipSteps.HashStepName));

        hash.ExitCode.Should().NotBe(0);
        hash.Error.Should().Contain($"{SkippingSample.DefinitionFile} is missing");
    }

    [Fact]
    public void The_hash_step_computes_the_job_hash_the_core_defines()
    {
        var jobs = Jobs(Render.Config(SkippingSample.Graph(SkippingSample.Native())));
        Checkout();
        runner.Write("docs/readme.md", "not an input\n");

        var hash = runner.Run(Step(jobs, "lint", SkipSteps.HashStepName));

        hash.ExitCode.Should().Be(0, hash.Error);
        var expected = ShellRun.Bash("find src Makefile cigen.yml -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum -- | sha256sum | cut -d' ' -f1", runner.Repository, null).Text.Trim();
        File.ReadAllText(runner.StateFile("skip/job_hash")).Should().Be(expected + "\n");
        File.ReadAllText(runner.StateFile("skip/job_marker")).Should().Be($"cigen-skip-v1/linux-amd64/ci/lint/{expected}\n");
        File.ReadAllText(runner.StateFile("skip/job_lookup")).Should().Be("true\n");
    }

    [Fact]
    public void Source_file_groups_are_sets_the_skip_command_writes_once_and_each_job_names_its_groups()
    {
        var code = new InputGroup { Name = "code", Include = ["src/.*"] };
        var graph = SkippingSample.Graph(SkippingSample.Native());
        graph = graph with
        {
            Workflows = [graph.Workflows[0] with
            {
                Jobs = [.. graph.Workflows[0].Jobs.Select(j => j.Skipping is { } skipping
                    ? j with { Skipping = skipping with { Inputs = skipping.Inputs with { Groups = [code] } } }
                    : j)],
            }],
        };
        var config = Render.Config(graph);
        var jobs = Jobs(config);
        Checkout();

        var hash = runner.Run(Step(jobs, "lint", SkipSteps.HashStepName));

        hash.ExitCode.Should().Be(0, hash.Error);
        var spec = Text((YamlMappingNode)Settings(Step(jobs, "lint", SkipSteps.HashStepName))["environment"], "CIGEN_SPEC");
        spec.Should().Be("inputs @code\ninclude 'src/.*'\njob job\nrequire cigen.yml\nuses @code\ninclude Makefile\nmarker job_marker cigen-skip-v1/linux-amd64/ci/lint/\n");
        config.Split("inputs @code").Should().HaveCount(2, "the set is written once, in the skip command");
        var expected = ShellRun.Bash("find src Makefile cigen.yml -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum -- | sha256sum | cut -d' ' -f1", runner.Repository, null).Text.Trim();
        File.ReadAllText(runner.StateFile("skip/job_hash")).Should().Be(expected + "\n");
    }

    [Fact]
    public void Dynamic_config_is_one_small_setup_job_and_the_continued_pipeline_never_halts()
    {
        var result = Render.Graph(DynamicConfig.Of(SkippingSample.Graph(SkippingSample.S3())));

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Should().BeEmpty();
        result.Files.Select(f => f.Path).Should().Equal(".circleci/config.yml", ".circleci/continue.json", ".circleci/cigen-runtime.sh");
        var setup = Load(result.Files[0].Content);
        Text(setup, "setup").Should().Be("true");
        var jobs = Jobs(result.Files[0].Content);
        var job = (YamlMappingNode)jobs["cigen_setup"];
        jobs.Children.Should().ContainSingle();
        Text((YamlMappingNode)((YamlSequenceNode)job["docker"])[0], "image").Should().Be("cimg/base:current");
        Text(job, "resource_class").Should().Be("small");
        ((YamlSequenceNode)job["steps"]).Select(NameOf).Should().Equal(
            "checkout", "Compute the job hashes and look up the skip markers", SkipContinuation.ContinueStepName);
        var spec = Text((YamlMappingNode)Settings(((YamlSequenceNode)job["steps"])[1])["environment"], "CIGEN_SPEC");
        spec!.Split('\n').Where(l => l.StartsWith("job ", StringComparison.Ordinal)).Should().Equal(["job lint", "job test_amd64"], "the legs share their inputs");

        var continued = Jobs(result.Files[1].Content);
        Steps(continued, "lint").Select(NameOf).Should().Equal("checkout", SkipSteps.HashStepName, "Lint", SkipSteps.RecordStepName);
        result.Files[1].Content.Should().NotContain("circleci-agent").And.NotContain(SkipCommands.StartName);
        Text((YamlMappingNode)Settings(Steps(continued, "lint")[1])["environment"], "CIGEN_BACKEND").Should().BeEmpty("the setup job looked the marker up");
    }

    [Theory]
    [InlineData("", "lint|test_amd64|test_arm64|deploy", "lint:|test_amd64:lint|test_arm64:lint|deploy:test_amd64,test_arm64")]
    [InlineData("lint", "test_amd64|test_arm64|deploy", "test_amd64:|test_arm64:|deploy:test_amd64,test_arm64")]
    [InlineData("test_amd64,test_arm64", "lint|deploy", "lint:|deploy:lint")]
    [InlineData("lint,test_amd64", "test_arm64|deploy", "test_arm64:|deploy:test_arm64")]
    [InlineData("lint,test_amd64,test_arm64", "deploy", "deploy:")]
    public void Setup_continues_without_the_unchanged_jobs_and_their_dependents_require_what_they_required(string skipped, string jobs, string requires)
    {
        var body = Continue(DynamicConfig.Of(SkippingSample.Graph(SkippingSample.Native())), skipped.Split(',', StringSplitOptions.RemoveEmptyEntries));

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
        var graph = DynamicConfig.Of(G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()))));

        var body = Continue(graph, ["lint"]);

        body.GetProperty("configuration").GetString().Should().Be(SkipContinuation.Finish + "\n");
        body.GetProperty("parameters").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public void Setup_passes_the_pipeline_parameters_on()
    {
        var graph = SkippingSample.Graph(SkippingSample.Native());
        var workflow = graph.Workflows[0] with { Triggers = [new Trigger { Event = "schedule", Source = G.At(".cigen/workflows/ci.yml") }] };
        var result = Render.Graph(DynamicConfig.Of(graph with { Workflows = [workflow] }));

        result.Files[0].Content.Should().Contain("parameters:\n  run_ci:\n").And.Contain("CIGEN_PIPELINE_PARAMETERS: '{\"run_ci\": << pipeline.parameters.run_ci >>}'");
        result.Files[1].Content.Should().Contain("\"when\": \"<< pipeline.parameters.run_ci >>\"");
    }

    [Theory]
    [InlineData("v1", false)]
    [InlineData("", true)]
    public void Setup_keeps_a_job_that_never_skips_on_tags_on_a_tag_run(string tag, bool skipped)
    {
        var lint = SkippingSample.Lint(SkippingSample.Native());
        lint = lint with { Skipping = lint.Skipping! with { SkipOnTags = false, RefScope = SkipRefScope.Kind } };
        var result = Render.Graph(DynamicConfig.Of(G.Graph(G.Workflow("ci", lint))));
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", result.Files[0].Content)]);
        var steps = Steps(Jobs(result.Files[0].Content), "cigen_setup");
        steps.Select(NameOf).Should().Equal("checkout", SkipSteps.HashStepName, "Look up the skip marker of lint", SkipContinuation.ContinueStepName);
        Text((YamlMappingNode)Settings(steps[1])["environment"], "CIGEN_SPEC").Should().Contain("\nref kind\nno_tags\n");
        ((YamlSequenceNode)Settings(steps[2])["keys"]).Select(k => ((YamlScalarNode)k).Value).Should().Equal(
            "cigen-skip-v1/linux-amd64/ci/lint/{{ checksum \"/tmp/cigen/skip/lint_marker\" }}");
        Checkout();
        WriteContinuation(result);
        var variables = new Dictionary<string, string> { ["CIRCLE_CONTINUATION_KEY"] = "key-123", [tag == "" ? "CIRCLE_BRANCH" : "CIRCLE_TAG"] = tag == "" ? "main" : tag };

        var hash = runner.Run(steps[1], variables);
        runner.WriteState("skip/lint_marker_found", "true\n");
        var run = runner.Run(steps[3], variables);

        hash.ExitCode.Should().Be(0, hash.Error);
        File.ReadAllText(runner.StateFile("skip/lint_marker")).Should().StartWith($"cigen-skip-v1/linux-amd64/ci/lint/{(tag == "" ? "branch" : "tag")}/");
        run.ExitCode.Should().Be(0, run.Error);
        var configuration = JsonDocument.Parse(runner.Posted).RootElement.GetProperty("configuration").GetString();
        (configuration == SkipContinuation.Finish + "\n").Should().Be(skipped, $"lint is skipped on a branch run, not on a tag run ({tag})");
    }

    /// <summary>Runs the setup job's continue step with these jobs' markers found; returns the body it posted.</summary>
    private JsonElement Continue(Graph graph, IReadOnlyList<string> skipped)
    {
        var result = Render.Graph(graph);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        WriteContinuation(result);
        foreach (var job in new[] { "lint", "test_amd64", "test_arm64" })
        {
            runner.WriteState($"skip/{job}_lookup", "true\n");
        }

        foreach (var job in skipped)
        {
            runner.WriteState($"skip/{job}_marker_found", "true\n");
        }

        var step = Step(Jobs(result.Files[0].Content), "cigen_setup", SkipContinuation.ContinueStepName);
        var run = runner.Run(step, new Dictionary<string, string> { ["CIRCLE_CONTINUATION_KEY"] = "key-123" });
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(runner.Posted).RootElement.Clone();
    }

    private void WriteContinuation(GenerateResult result) =>
        runner.Write(".circleci/continue.json", result.Files.Single(f => f.Path.EndsWith(SkipContinuation.FileName, StringComparison.Ordinal)).Content);

    /// <summary>A checkout of the sample's jobs: their definition file and sources.</summary>
    private void Checkout()
    {
        runner.Write(SkippingSample.DefinitionFile, "jobs: {}\n");
        runner.Write("src/main.c", "int main(void) { return 0; }\n");
        runner.Write("Makefile", "all:\n");
    }

    private static string EntryName(JsonElement entry) => entry.ValueKind == JsonValueKind.String ? entry.GetString()! : entry.EnumerateObject().Single().Name;
}
