using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using CIGen.Testing.ProviderCases;
using CIGen.Provider.Sdk.Settings;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// Skipping jobs whose inputs are unchanged (<see cref="SkippingSample"/>: lint, a matrix test that needs it, deploy
/// that needs test), read back from the written YAML; conditions are evaluated with GitHub's semantics.
/// </summary>
public class SkippingTests
{
    private const string Plan = "cigen_plan";

    public static TheoryData<string> Backends() => new() { "native", "s3", "redis" };

    private static SkipBackend Backend(string name) => name switch
    {
        "s3" => SkippingSample.S3(),
        "redis" => SkippingSample.Redis(),
        _ => SkippingSample.Native(),
    };

    private static WorkflowReadBack Planned(string backend = "native") => new(Render.Single(SkippingSample.Graph(Backend(backend))));

    /// <summary>The sample with <c>github.skip_strategy: early_exit</c>, for every backend (the provider cases have it for native and s3 only).</summary>
    private static WorkflowReadBack EarlyExit(string backend = "native") => new(Render.Single(SkippingSample.Graph(Backend(backend)) with
    {
        ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = "early_exit" }),
    }));

    private static Dictionary<string, object?> Context(params (string Key, object? Value)[] values)
    {
        var context = new Dictionary<string, object?> { ["status()"] = "success", ["github.ref"] = "refs/heads/main", ["github.token"] = "token" };
        foreach (var (key, value) in values)
        {
            context[key] = value;
        }

        return context;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Plan_job_comes_first_and_outputs_a_verdict_and_marker_per_job_and_the_skipped_legs_of_a_matrix_job(string backend)
    {
        var workflow = Planned(backend);

        workflow.JobIds.Should().Equal(Plan, "lint", "test", "deploy", "cigen_gate");
        var plan = workflow.Job(Plan);
        Text(plan, "name").Should().Be("Plan: skip unchanged jobs");
        List(plan, "runs-on").Should().Equal("ubuntu-latest");
        Keys(plan).Should().NotContain(["needs", "if"]);
        Keys(plan).Contains("permissions").Should().Be(backend == "native", "only a listing of GitHub's cache needs the token to read it");
        Keys(Mapping(plan, "outputs")).Should().Equal("lint", "lint_marker", "test", "test_legs", "test_skipped");
        Pairs(Mapping(plan, "outputs"))["lint_marker"].Should().Be("${{ fromJSON(steps.cigen_hash.outputs.json || '{}').lint_marker }}");
        // One hash step for every job, which looks every marker up too: in S3, Redis or GitHub's cache.
        Steps(plan).Select(s => Text(s, "id")).Should().Equal(null, "cigen_hash");
        Text(Steps(plan)[0], "uses").Should().Be("actions/checkout@v4");
        Text(Steps(plan)[1], "uses").Should().Be("./.github/actions/cigen");
    }

    [Fact]
    public void The_plan_hashes_every_job_in_one_step_and_names_each_markers_output()
    {
        var hash = Step(Planned().Job(Plan), "cigen_hash");

        Pairs(Mapping(hash, "with")).Should().Equal(new Dictionary<string, string>
        {
            ["operation"] = "hash",
            ["spec"] = "job lint\nrequire cigen.yml\ninclude 'src/.*'\ninclude Makefile\nmarker lint_marker cigen-skip-v1/linux-amd64/ci/lint/\n"
                + "job test\nrequire cigen.yml\ninclude 'src/.*'\ninclude 'tests/.*'\nleg amd64 '{\"arch\":\"amd64\"}' cigen-skip-v1/linux-amd64/ci/test_amd64/\n"
                + "leg arm64 '{\"arch\":\"arm64\"}' cigen-skip-v1/linux-arm64/ci/test_arm64/\n",
        });
    }

    [Theory]
    [InlineData(true, "skip")]
    [InlineData(false, "run")]
    public void Plan_says_skip_only_when_the_native_cache_has_the_marker(bool cached, string verdict)
    {
        var plan = Planned().Job(Plan);

        PlanLegs(plan, "lint", _ => cached)["all"].Should().Be(verdict);
        GitHubExpression.Evaluate(Pairs(Mapping(plan, "outputs"))["lint"], Context()).Should().Be("run", "a plan whose hash step did not run decides nothing");
    }

    [Fact]
    public void Native_markers_are_looked_up_in_githubs_cache_by_the_hash_step_with_a_token_that_reads_it()
    {
        var plan = Planned().Job(Plan);

        // github is the action's default backend: the step does not name it.
        Pairs(Mapping(Step(plan, "cigen_hash"), "with")).Should().NotContainKey("backend");
        Pairs(Mapping(Step(plan, "cigen_hash"), "env")).Should().Equal(new Dictionary<string, string>
        {
            ["CIGEN_GITHUB_TOKEN"] = "${{ github.token }}",
            ["CIGEN_GITHUB_KEY_PREFIX"] = "cigen-skip-v1/",
            ["CIGEN_GITHUB_DEFAULT_BRANCH"] = "${{ github.event.repository.default_branch }}",
        });
        Pairs(Mapping(plan, "permissions")).Should().Equal(new Dictionary<string, string> { ["actions"] = "read", ["contents"] = "read" });
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("redis")]
    public void The_hash_step_gets_the_backends_type_and_variables_with_secrets_as_references(string backend)
    {
        var hash = Step(Planned(backend).Job(Plan), "cigen_hash");
        var env = Pairs(Mapping(hash, "env"));

        Pairs(Mapping(hash, "with"))["backend"].Should().Be(backend);
        env.Should().NotContainKey("CIGEN_BACKEND", "the action sets it from its input");
        if (backend == "s3")
        {
            env["AWS_ACCESS_KEY_ID"].Should().Be("${{ secrets.AWS_KEY }}");
            env["CIGEN_S3_BUCKET"].Should().Be("ci-markers");
        }
        else
        {
            env["CIGEN_REDIS_URL"].Should().Be("${{ secrets.REDIS_URL }}");
        }

        GitHubExpression.Evaluate(Pairs(Mapping(Planned(backend).Job(Plan), "outputs"))["lint"], Context(("steps.cigen_hash.outputs.json", "{\"lint_marker_found\":\"true\"}")))
            .Should().Be("skip");
    }

    [Fact]
    public void Lint_needs_the_plan_and_runs_only_when_it_was_not_skipped()
    {
        var lint = Planned().Job("lint");

        List(lint, "needs").Should().Equal(Plan);
        var condition = Text(lint, "if")!;
        condition.Should().Be("needs.cigen_plan.outputs.lint != 'skip'");
        GitHubExpression.Holds(condition, Context(("needs.cigen_plan.outputs.lint", "skip"))).Should().BeFalse();
        GitHubExpression.Holds(condition, Context(("needs.cigen_plan.outputs.lint", "run"))).Should().BeTrue();
    }

    [Theory]
    [InlineData("success", "run", "success", true)]
    [InlineData("skipped", "skip", "success", true)]
    [InlineData("skipped", "run", "success", false)]
    [InlineData("failure", "run", "success", false)]
    [InlineData("skipped", "skip", "failure", false)]
    public void Test_runs_after_lint_succeeded_or_was_skipped_as_unchanged(string lintResult, string lintVerdict, string planResult, bool runs)
    {
        var condition = Text(Planned().Job("test"), "if")!;

        GitHubExpression.Holds(condition, Context(
            ("needs.lint.result", lintResult),
            ("needs.cigen_plan.outputs.lint", lintVerdict),
            ("needs.cigen_plan.result", planResult),
            ("needs.cigen_plan.outputs.test", "run"))).Should().Be(runs);
    }

    [Theory]
    [InlineData("success", "run", "refs/heads/main", true)]
    [InlineData("skipped", "skip", "refs/heads/main", true)]
    [InlineData("skipped", "skip", "refs/heads/topic", false)]
    [InlineData("skipped", "run", "refs/heads/main", false)]
    [InlineData("failure", "run", "refs/heads/main", false)]
    [InlineData("cancelled", "run", "refs/heads/main", false)]
    public void Deploy_accepts_a_test_skipped_as_unchanged_and_keeps_its_own_condition(string testResult, string testVerdict, string gitRef, bool runs)
    {
        var deploy = Planned().Job("deploy");

        List(deploy, "needs").Should().Equal(Plan, "test", "lint");
        GitHubExpression.Holds(Text(deploy, "if")!, Context(
            ("needs.lint.result", "success"),
            ("needs.test.result", testResult),
            ("needs.cigen_plan.outputs.test", testVerdict),
            ("needs.cigen_plan.result", "success"),
            ("github.ref", gitRef))).Should().Be(runs);
    }

    [Theory]
    [InlineData("skipped", "skip", "failure", true)]
    [InlineData("skipped", "run", "failure", false)]
    [InlineData("failure", "run", "success", true)]
    [InlineData("skipped", "run", "skipped", false)]
    public void Requires_any_counts_an_alternative_skipped_as_unchanged_as_satisfied(string lintResult, string lintVerdict, string otherResult, bool runs)
    {
        var deploy = G.Job("deploy", G.Run("./deploy")) with { RequiresAny = ["lint", "other"] };
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()), G.Job("other", G.Run("x")), deploy));
        var job = new WorkflowReadBack(Render.Single(graph)).Job("deploy");

        List(job, "needs").Should().Equal(Plan, "lint", "other");
        Text(job, "if").Should().Be(
            "!cancelled() && needs.cigen_plan.result == 'success' && ((needs.lint.result == 'success' || (needs.lint.result == 'skipped' && "
            + "needs.cigen_plan.outputs.lint == 'skip')) || needs.other.result == 'success')");
        GitHubExpression.Holds(Text(job, "if")!, Context(
            ("needs.lint.result", lintResult), ("needs.cigen_plan.outputs.lint", lintVerdict), ("needs.other.result", otherResult),
            ("needs.cigen_plan.result", "success"))).Should().Be(runs);
    }

    [Theory]
    [InlineData(0, true, "run")]
    [InlineData(1, true, "run")]
    [InlineData(2, false, "skip")]
    public void Matrix_job_starts_unless_every_leg_is_skipped(int count, bool starts, string verdict)
    {
        var workflow = Planned();

        var outputs = PlanLegs(workflow.Job(Plan), "test", leg => leg >= 2 - count);

        outputs["all"].Should().Be(verdict);
        JsonDocument.Parse(outputs["legs"]).RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("amd64", "arm64");
        JsonDocument.Parse(outputs["skipped"]).RootElement.EnumerateArray().Select(e => e.GetProperty("arch").GetString())
            .Should().Equal(new[] { "amd64", "arm64" }.Skip(2 - count));
        GitHubExpression.Holds(Text(workflow.Job("test"), "if")!, Context(
            ("needs.lint.result", "success"), ("needs.cigen_plan.result", "success"), ("needs.cigen_plan.outputs.test", verdict)))
            .Should().Be(starts);
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("amd64")]
    [InlineData(null)]
    public void A_skipped_leg_is_left_out_of_the_matrix_and_every_leg_that_starts_runs_every_step(string? skippedLeg)
    {
        var graph = SkippingSample.Graph(SkippingSample.Native());
        var workflow = new WorkflowReadBack(Render.Single(graph));
        var job = workflow.Job("test");
        var plan = PlanLegs(workflow.Job(Plan), "test", leg => (leg == 0 ? "amd64" : "arm64") == skippedLeg);

        Started(job, graph.Workflows.Single().Jobs.Single(j => j.Id == "test"), plan).Select(l => l["arch"])
            .Should().Equal(new[] { "amd64", "arm64" }.Where(a => a != skippedLeg));
        Steps(job).Should().NotContain(s => Text(s, "id") == "cigen_skip");
        Steps(job).SkipLast(1).Should().OnlyContain(s => Text(s, "if") == null, "a leg that starts is one the plan did not skip");
    }

    /// <summary>Matrix shapes as the core computes their legs: one leg (one arch, one value), many legs, include-only legs.</summary>
    public static TheoryData<string, int> LegShapes() => new()
    {
        { "architectures: [amd64]", 1 },
        { "matrix: {node: [20]}", 1 },
        { "architectures: [amd64, arm64]\n    matrix: {node: [18, 20, 22]}", 6 },
        { "matrix: {ruby: ['3.2', '3.10', '3.4'], experimental: [false, true], exclude: [{ruby: '3.2', experimental: true}]}", 5 },
        { "matrix: {include: [{os: linux, node: 20}, {os: mac}, {os: windows, node: 22.0}]}", 3 },
        { "architectures: [amd64]\n    matrix: {python: [3.10, 3.9], include: [{python: 3.9, tox: py39}]}", 2 },
        { "matrix: {message: ['say \"hi\"', 'back\\slash', \"it's\", 'a/b', 'c|d']}", 5 },
    };

    private static Graph Shaped(string shape, string? strategy = null, string backend = "native")
    {
        var backends = backend == "native" ? "" : backend == "s3"
            ? "cache_backends:\n  s3: {bucket: b, region: r}\nskip_cache: {default: s3}\n"
            : "cache_backends:\n  redis: {url: 'redis://cache:6379'}\nskip_cache: {default: redis}\n";
        var github = strategy is null ? "" : $"github: {{skip_strategy: {strategy}}}\n";
        return ConfigGraph.Load($"{backends}{github}jobs:\n  test:\n    source_files: [src/**]\n    {shape}\n    steps: [{{run: make test}}]\n");
    }

    /// <summary>The legs skipped in each case: none, the first, every other, all but the last, all.</summary>
    private static IEnumerable<Func<int, bool>> SkipPatterns(int legs) =>
        [_ => false, leg => leg == 0, leg => leg % 2 == 1, leg => leg < legs - 1, _ => true];

    [Theory]
    [MemberData(nameof(LegShapes))]
    public void Each_leg_of_any_matrix_starts_only_when_the_plan_did_not_skip_it_and_records_the_marker_the_plan_looked_up(string shape, int count)
    {
        var graph = Shaped(shape);
        var job = graph.Workflows.Single().Jobs.Single(j => j.Id == "test");
        job.MatrixLegs.Should().HaveCount(count);
        var workflow = new WorkflowReadBack(Render.Single(graph));
        var plan = workflow.Job(Plan);
        var record = Steps(workflow.Job("test"))[^1];

        foreach (var skipped in SkipPatterns(count))
        {
            var outputs = PlanLegs(plan, "test", skipped);
            var all = Enumerable.Range(0, count).All(skipped);
            var hashed = JsonDocument.Parse(outputs["json"]).RootElement;

            outputs["all"].Should().Be(all ? "skip" : "run");
            GitHubExpression.Holds(Text(workflow.Job("test"), "if")!, Context(("needs.cigen_plan.outputs.test", outputs["all"]))).Should().Be(!all);
            var running = job.MatrixLegs.Where((_, i) => !skipped(i)).ToList();
            Started(workflow.Job("test"), job, outputs).Select(v => string.Join(",", v.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
                .Should().Equal(running.Select(l => string.Join(",", ConfigGraph.MatrixContext(l).OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key["matrix.".Length..]}={Shown(p.Value)}"))), shape);
            foreach (var leg in running)
            {
                var context = Context(("needs.cigen_plan.outputs.test_legs", outputs["legs"]));
                foreach (var (key, value) in ConfigGraph.MatrixContext(leg))
                {
                    context[key] = value;
                }

                var prefix = job.Skipping!.Markers.Single(m => m.Leg == leg.Suffix).Prefix;
                var marker = JsonDocument.Parse(hashed.GetProperty("test_legs").GetString()!).RootElement.EnumerateObject()
                    .Select(p => p.Value.GetString()!).Single(m => m.StartsWith(prefix, StringComparison.Ordinal));
                GitHubExpression.Interpolate(MarkerKey(record), context).Should().Be(marker, leg.Suffix);
                GitHubExpression.Holds(Text(record, "if"), context).Should().BeTrue(leg.Suffix);
            }
        }

        static string Shown(object? value) => value switch
        {
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => value?.ToString() ?? "",
        };
    }

    /// <summary>The marker record of an early_exit job's hash step, its expressions evaluated in <paramref name="context"/>.</summary>
    private static string MarkerRecord(YamlDotNet.RepresentationModel.YamlMappingNode hash, IReadOnlyDictionary<string, object?> context) =>
        GitHubExpression.Interpolate(Pairs(Mapping(hash, "with"))["spec"], context).Split('\n').Single(l => l.StartsWith("marker ", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(LegShapes))]
    public void Under_early_exit_each_leg_of_any_matrix_looks_up_and_records_its_own_marker(string shape, int count)
    {
        var graph = Shaped(shape, "early_exit");
        var job = graph.Workflows.Single().Jobs.Single(j => j.Id == "test");
        var steps = Steps(new WorkflowReadBack(Render.Single(graph)).Job("test"));
        var hash = steps.Single(s => Text(s, "id") == "cigen_hash");
        var lookup = steps.Single(s => Text(s, "id") == "cigen_skip");

        job.MatrixLegs.Should().HaveCount(count);
        foreach (var leg in job.MatrixLegs)
        {
            var context = Context([.. ConfigGraph.MatrixContext(leg)]);
            var prefix = job.Skipping!.Markers.Single(m => m.Leg == leg.Suffix).Prefix;
            MarkerRecord(hash, context).Should().Be($"marker marker {prefix}", leg.Suffix);

            context["steps.cigen_hash.outputs.json"] = RuntimeActionRun.ToJson(new Dictionary<string, string> { ["marker"] = prefix + "HASH" });
            GitHubExpression.Interpolate(MarkerKey(lookup), context).Should().Be(prefix + "HASH", leg.Suffix);
            GitHubExpression.Interpolate(MarkerKey(steps[^1]), context).Should().Be(prefix + "HASH", leg.Suffix);
        }
    }

    [Fact]
    public void A_leg_no_key_names_fails_its_job_instead_of_guessing_a_marker()
    {
        var hash = Steps(EarlyExit().Job("test")).Single(s => Text(s, "id") == "cigen_hash");
        var directory = Directory.CreateTempSubdirectory("cigen-leg-");
        try
        {
            var run = RuntimeActionRun.Run(hash, Context(("matrix.arch", "riscv64")), directory.FullName);

            MarkerRecord(hash, Context(("matrix.arch", "riscv64"))).Should().Be("marker marker ");
            run.ExitCode.Should().NotBe(0, run.Log + run.Errors);
            run.Outputs.Should().NotContainKey("json");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Record_step_writes_the_marker_the_plan_looked_up_only_after_success(string backend)
    {
        var workflow = Planned(backend);
        var plan = workflow.Job(Plan);
        var record = Steps(workflow.Job("lint"))[^1];

        Text(record, "name").Should().Be("Record the skip marker");
        MarkerKey(record).Should().Be("${{ needs.cigen_plan.outputs.lint_marker }}");
        var context = PlanContext(plan, "lint", _ => false);
        GitHubExpression.Interpolate(Pairs(Mapping(plan, "outputs"))["lint_marker"], context).Should().Be("cigen-skip-v1/linux-amd64/ci/lint/HASH");
        // No condition of its own: a step runs only after success, and the action records nothing for an empty marker.
        Text(record, "if").Should().BeNull();
        var guard = RuntimeAction.Document().Steps[0].If!;
        GitHubExpression.Holds(guard, Context(("inputs.operation", "record"), ("inputs.marker", "m"))).Should().BeTrue();
        GitHubExpression.Holds(guard, Context(("inputs.operation", "record"), ("inputs.marker", ""))).Should().BeFalse();
        GitHubExpression.Holds(guard, Context(("inputs.operation", "hash"), ("inputs.marker", ""))).Should().BeTrue();
        Text(record, "uses").Should().Be("./.github/actions/cigen");
        Pairs(Mapping(record, "with"))["operation"].Should().Be("record");
        Pairs(Mapping(record, "with")).GetValueOrDefault("backend", RuntimeAction.DefaultBackend).Should().Be(backend == "native" ? "github" : backend);
        Mapping(record, "env")?.Children.Keys.Select(k => k.ToString()).Should().NotContain("CIGEN_BACKEND");
        if (backend == "native")
        {
            var legs = PlanLegs(plan, "test", _ => false)["legs"];
            foreach (var (leg, arch) in new[] { ("amd64", "amd64"), ("arm64", "arm64") })
            {
                var legContext = Context(("matrix.arch", arch), ("needs.cigen_plan.outputs.test_legs", legs));
                GitHubExpression.Interpolate(MarkerKey(Steps(workflow.Job("test"))[^1]), legContext)
                    .Should().MatchRegex($"^cigen-skip-v1/linux-{arch}/ci/test_{leg}/[0-9a-f]{{64}}$");
            }
        }
    }

    [Fact]
    public void A_native_record_writes_the_marker_file_and_the_action_saves_it_in_githubs_cache_under_the_marker()
    {
        var record = Steps(Planned().Job("lint"))[^1];
        var home = Directory.CreateTempSubdirectory("cigen-home-");
        try
        {
            var run = RuntimeActionRun.Run(record, Context(("needs.cigen_plan.outputs.lint_marker", "cigen-skip-v1/linux-amd64/ci/lint/abc")), home.FullName,
                environment: new Dictionary<string, string> { ["HOME"] = home.FullName });

            run.ExitCode.Should().Be(0, run.Errors);
            File.ReadAllText(Path.Combine(home.FullName, ".cigen-skip-marker")).Should().StartWith("cigen skip marker\nkey=cigen-skip-v1/linux-amd64/ci/lint/abc\n");
            run.Outputs["cache_marker"].Should().Be("cigen-skip-v1/linux-amd64/ci/lint/abc");
            var save = RuntimeAction.Document().Steps.OfType<CIGen.Provider.GitHub.Model.CacheStep>().Single();
            GitHubExpression.Holds(save.If!, Context(("steps.cigen.outputs.cache_marker", run.Outputs["cache_marker"]))).Should().BeTrue();
            GitHubExpression.Holds(save.If!, Context(("steps.cigen.outputs.cache_marker", ""))).Should().BeFalse();
            GitHubExpression.Interpolate(save.Key, Context(("steps.cigen.outputs.cache_marker", run.Outputs["cache_marker"]))).Should().Be("cigen-skip-v1/linux-amd64/ci/lint/abc");
            save.Paths.Should().Equal("~/.cigen-skip-marker");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Early_exit_hashes_and_looks_up_in_the_job_after_the_checkout_and_records_under_the_same_key(string backend)
    {
        var workflow = EarlyExit(backend);

        workflow.JobIds.Should().Equal("lint", "test", "deploy", "cigen_gate");
        foreach (var job in new[] { "lint", "test" })
        {
            var steps = Steps(workflow.Job(job));
            Keys(workflow.Job(job)).Should().NotContain("if");
            Text(steps[0], "uses").Should().Be("actions/checkout@v4");
            // The hash step looks an S3 or Redis marker up itself; a native one is looked up in GitHub's cache after it.
            string[] ids = backend == "native" ? ["cigen_hash", "cigen_skip"] : ["cigen_hash"];
            steps.Skip(1).Take(ids.Length).Select(s => Text(s, "id")).Should().Equal(ids);
            var found = backend == "native" ? "steps.cigen_skip.outputs.cache-hit" : "fromJSON(steps.cigen_hash.outputs.json).marker_found";
            steps.Skip(1 + ids.Length).Should().OnlyContain(s => Text(s, "if")!.Contains($"{found} != 'true'"));
            MarkerKey(steps[^1]).Should().Be("${{ fromJSON(steps.cigen_hash.outputs.json).marker }}");
            if (backend == "native")
            {
                MarkerKey(steps[ids.Length]).Should().Be(MarkerKey(steps[^1]));
            }
        }

        Text(workflow.Job("deploy"), "if").Should().Be("github.ref == 'refs/heads/main'");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gate_needs_every_job_always_runs_and_fails_only_on_a_failed_or_cancelled_job(bool earlyExit)
    {
        var workflow = earlyExit ? EarlyExit() : Planned();
        var gate = workflow.Job("cigen_gate");

        Text(gate, "name").Should().Be("All jobs passed");
        List(gate, "needs").Should().Equal(workflow.JobIds.Where(id => id != "cigen_gate"));
        Text(gate, "if").Should().Be("always()");
        var step = Steps(gate).Single();
        foreach (var (results, fails) in new (string[], bool)[]
        {
            (["success", "skipped", "success", "skipped"], false),
            (["success", "failure", "skipped", "skipped"], true),
            (["success", "success", "cancelled", "skipped"], true),
        })
        {
            var failed = GitHubExpression.Interpolate(Pairs(Mapping(step, "env"))["CIGEN_FAILED"], Context(("needs.*.result", results.Cast<object?>().ToList())));
            var run = ShellRun.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", $"export CIGEN_FAILED={failed}\n{Text(step, "run")}"], Path.GetTempPath());
            run.ExitCode.Should().Be(fails ? 1 : 0);
        }
    }

    [Fact]
    public void No_run_script_holds_an_expression()
    {
        foreach (var providerCase in ProviderCase.For(GitHubProvider.Name).Where(c => c.Name.StartsWith("skipping", StringComparison.Ordinal)))
        {
            foreach (var file in Render.Workflows(Render.Graph(providerCase.Graph)))
            {
                new WorkflowReadBack(file.Content).AllSteps.Select(s => Text(s, "run")).OfType<string>()
                    .Should().NotContain(r => r.Contains("${{"), providerCase.Name);
            }
        }
    }

    [Fact]
    public void The_plan_hash_step_outputs_each_jobs_hash_and_markers_and_fails_without_a_definition_file()
    {
        var directory = Directory.CreateTempSubdirectory("cigen-hash-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "src"));
            File.WriteAllText(Path.Combine(directory.FullName, "src", "a b.txt"), "x");
            File.WriteAllText(Path.Combine(directory.FullName, SkippingSample.DefinitionFile), "jobs: {}\n");
            var hash = Step(Planned().Job(Plan), "cigen_hash");
            using var cache = new FakeGitHubCache([]);

            var run = RuntimeActionRun.Run(hash, Context(), directory.FullName, cache.SearchPath, FakeGitHubCache.Variables);

            run.ExitCode.Should().Be(0, run.Errors);
            var values = run.Values;
            values["lint_hash"].Should().MatchRegex("^[0-9a-f]{64}$");
            values["lint_lookup"].Should().Be("true");
            values["lint_marker"].Should().Be("cigen-skip-v1/linux-amd64/ci/lint/" + values["lint_hash"]);
            var legs = JsonDocument.Parse(values["test_legs"]).RootElement;
            legs.GetProperty("amd64").GetString().Should().Be("cigen-skip-v1/linux-amd64/ci/test_amd64/" + values["test_hash"]);
            legs.GetProperty("arm64").GetString().Should().Be("cigen-skip-v1/linux-arm64/ci/test_arm64/" + values["test_hash"]);
            values["lint_marker_found"].Should().Be("false");

            File.Delete(Path.Combine(directory.FullName, SkippingSample.DefinitionFile));
            var broken = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native())));
            var missing = RuntimeActionRun.Run(Step(new WorkflowReadBack(Render.Single(broken)).Job(Plan), "cigen_hash"), Context(), directory.FullName, cache.SearchPath, FakeGitHubCache.Variables);
            missing.ExitCode.Should().NotBe(0);
            missing.Errors.Should().Contain("::error::cigen.yml is missing");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("1", "true", false)]
    [InlineData("0", "false", false)]
    [InlineData("ERR unknown", "false", true)]
    public void The_hash_step_skips_only_when_the_backend_says_the_marker_exists(string reply, string found, bool warns)
    {
        var bin = Directory.CreateTempSubdirectory("cigen-bin-");
        File.WriteAllText(Path.Combine(bin.FullName, SkippingSample.DefinitionFile), "jobs: {}\n"); // the hash runs in a checkout
        try
        {
            Fake(bin, "redis-cli", $"#!/bin/bash\necho '{reply}'\n");
            var hash = Step(Planned("redis").Job(Plan), "cigen_hash");

            var run = RuntimeActionRun.Run(hash, Context(("secrets.REDIS_URL", "redis://cache:6379")), bin.FullName, path: $"{bin.FullName}:/usr/bin:/bin");

            run.ExitCode.Should().Be(0, run.Errors);
            run.Values["lint_marker_found"].Should().Be(found);
            run.Errors.Contains("::warning::", StringComparison.Ordinal).Should().Be(warns);
            var verdict = Pairs(Mapping(Planned("redis").Job(Plan), "outputs"))["lint"];
            GitHubExpression.Evaluate(verdict, Context(("steps.cigen_hash.outputs.json", run.Json))).Should().Be(found == "true" ? "skip" : "run");
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    /// <summary>A directory of links to the tools the runtime itself needs, and nothing else, for a PATH without clients.</summary>
    private static string RuntimeTools(DirectoryInfo bin)
    {
        var tools = Path.Combine(bin.FullName, "tools");
        Directory.CreateDirectory(tools);
        foreach (var tool in new[] { "bash", "cat", "chmod", "date", "find", "grep", "id", "mktemp", "rm", "sha256sum", "sort", "tee", "xargs", "env" })
        {
            File.CreateSymbolicLink(Path.Combine(tools, tool), ShellRun.Run("/bin/bash", ["-c", $"command -v {tool}"], bin.FullName).Text.Trim());
        }

        return tools;
    }

    private static void Fake(DirectoryInfo bin, string name, string script)
    {
        var file = Path.Combine(bin.FullName, name);
        File.WriteAllText(file, script);
        ShellRun.Run("chmod", ["+x", file], bin.FullName).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Workflow_without_skippable_jobs_gets_neither_plan_nor_gate()
    {
        var workflow = new WorkflowReadBack(Render.Jobs(G.Job("lint", G.Run("make lint")) with { SourceFiles = ["src/**"] }));

        workflow.JobIds.Should().Equal("lint");
    }

    [Fact]
    public void A_job_named_like_the_plan_job_is_an_error()
    {
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()), G.Job("cigen_plan", G.Run("x"))));

        Render.Graph(graph).Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Job == "cigen_plan");
    }

    [Theory]
    [InlineData("failure", "run", "skipped", "skip", false)]
    [InlineData("skipped", "skip", "skipped", "skip", true)]
    [InlineData("success", "run", "skipped", "skip", true)]
    [InlineData("cancelled", "run", "skipped", "skip", false)]
    [InlineData("skipped", "run", "skipped", "skip", false)]
    [InlineData("failure", "run", "success", "run", true)]
    public void Deploy_does_not_run_when_a_job_earlier_in_the_chain_failed_and_the_rest_was_unchanged(
        string lintResult, string lintVerdict, string testResult, string testVerdict, bool runs)
    {
        var deploy = Planned().Job("deploy");

        List(deploy, "needs").Should().Equal(Plan, "test", "lint");
        GitHubExpression.Holds(Text(deploy, "if")!, Context(
            ("needs.lint.result", lintResult),
            ("needs.cigen_plan.outputs.lint", lintVerdict),
            ("needs.test.result", testResult),
            ("needs.cigen_plan.outputs.test", testVerdict),
            ("needs.cigen_plan.result", "success"))).Should().Be(runs);
    }

    [Theory]
    [InlineData("failure", false)]
    [InlineData("success", true)]
    public void A_dependency_skipped_as_unchanged_counts_only_when_its_unskippable_dependency_succeeded(string buildResult, bool runs)
    {
        var lint = SkippingSample.Lint(SkippingSample.Native()) with { Needs = ["build"] };
        var graph = G.Graph(G.Workflow("ci", G.Job("build", G.Run("make")), lint, G.Job("deploy", G.Run("./deploy")) with { Needs = ["lint"] }));
        var deploy = new WorkflowReadBack(Render.Single(graph)).Job("deploy");

        List(deploy, "needs").Should().Equal(Plan, "lint", "build");
        GitHubExpression.Holds(Text(deploy, "if")!, Context(
            ("needs.build.result", buildResult),
            ("needs.lint.result", "skipped"),
            ("needs.cigen_plan.outputs.lint", "skip"),
            ("needs.cigen_plan.result", "success"))).Should().Be(runs);
    }

    [Theory]
    [InlineData("failure()", "failure", "failure", true)]
    [InlineData("failure()", "success", "success", false)]
    [InlineData("always()", "failure", "failure", true)]
    [InlineData("always()", "success", "skipped", true)]
    [InlineData("always()", "cancelled", "cancelled", true)]
    [InlineData("cancelled()", "cancelled", "cancelled", true)]
    [InlineData("cancelled()", "success", "success", false)]
    public void A_job_with_a_status_function_keeps_its_meaning_after_a_skippable_dependency(string condition, string status, string testResult, bool runs)
    {
        var notify = G.Job("notify", G.Run("./notify")).When(condition) with { Needs = ["lint"] };
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()), notify));
        var job = new WorkflowReadBack(Render.Single(graph)).Job("notify");

        List(job, "needs").Should().Equal("lint");
        Text(job, "if").Should().Be(condition);
        GitHubExpression.Holds(Text(job, "if")!, Context(("status()", status), ("needs.lint.result", testResult))).Should().Be(runs);
    }

    [Theory]
    [InlineData("failure", "run", true)]
    [InlineData("failure", "skip", false)]
    [InlineData("success", "run", true)]
    public void A_skippable_job_with_a_status_function_keeps_it_and_only_adds_its_own_verdict(string status, string verdict, bool runs)
    {
        var cleanup = SkippingSample.Lint(SkippingSample.Native()) with { Id = "cleanup", Needs = ["other"], RequiresAny = ["third"] };
        cleanup = cleanup.When("always()");
        var graph = G.Graph(G.Workflow("ci", G.Job("other", G.Run("x")), G.Job("third", G.Run("y")), cleanup));
        var job = new WorkflowReadBack(Render.Single(graph)).Job("cleanup");

        List(job, "needs").Should().Equal(Plan, "other", "third");
        Text(job, "if").Should().Be("needs.cigen_plan.outputs.cleanup != 'skip' && (always())");
        GitHubExpression.Holds(Text(job, "if")!, Context(
            ("status()", status), ("needs.other.result", status), ("needs.cigen_plan.outputs.cleanup", verdict))).Should().Be(runs);
    }

    [Fact]
    public void Requires_any_with_a_status_function_keeps_the_users_condition()
    {
        var notify = G.Job("notify", G.Run("./notify")).When("failure()") with { RequiresAny = ["lint", "other"] };
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()), G.Job("other", G.Run("x")), notify));
        var job = new WorkflowReadBack(Render.Single(graph)).Job("notify");

        List(job, "needs").Should().Equal("lint", "other");
        GitHubExpression.Holds(Text(job, "if")!, Context(("status()", "failure"), ("needs.lint.result", "failure"), ("needs.other.result", "skipped")))
            .Should().BeTrue();
    }

    [Fact]
    public void Gate_leaves_out_approval_jobs_and_the_jobs_waiting_for_them()
    {
        var graph = G.Graph(G.Workflow(
            "ci",
            SkippingSample.Lint(SkippingSample.Native()),
            G.Approval("hold") with { Needs = ["lint"] },
            G.Job("deploy", G.Run("./deploy")) with { Needs = ["hold"] },
            G.Job("smoke", G.Run("./smoke")) with { RequiresAny = ["deploy", "lint"] },
            G.Job("docs", G.Run("./docs")) with { Needs = ["lint"] }));

        List(new WorkflowReadBack(Render.Single(graph)).Job("cigen_gate"), "needs").Should().Equal(Plan, "lint", "docs");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Redis_steps_install_redis_cli_when_missing_and_only_warn_when_they_cannot(bool installs)
    {
        var workflow = Planned("redis");
        var bin = Directory.CreateTempSubdirectory("cigen-bin-");
        File.WriteAllText(Path.Combine(bin.FullName, SkippingSample.DefinitionFile), "jobs: {}\n"); // the hash runs in a checkout
        try
        {
            // A runner without redis-cli: PATH holds only a fake sudo, which "installs" a redis-cli that finds every key
            // and stores every marker, and the tools the runtime itself needs.
            var tools = RuntimeTools(bin);

            // Root or not, the runtime's apt-get is this fake one (through sudo when not root).
            Fake(bin, "sudo", "#!/bin/bash\n\"$@\"\n");
            Fake(bin, "apt-get", installs
                ? $"#!/bin/bash\necho \"apt-get $*\" >> '{bin.FullName}/apt.log'\nprintf '#!/bin/bash\\ncase \\\"$*\\\" in *EXISTS*) echo 1 ;; *) echo OK ;; esac\\n' > '{tools}/redis-cli'\n/bin/chmod +x '{tools}/redis-cli'\n"
                : "#!/bin/bash\nexit 100\n");
            var path = $"{bin.FullName}:{tools}";
            var context = Context(("secrets.REDIS_URL", "redis://cache:6379"), ("needs.cigen_plan.outputs.lint_marker", "k"));

            var lookup = RuntimeActionRun.Run(Step(workflow.Job(Plan), "cigen_hash"), context, bin.FullName, path);
            var record = RuntimeActionRun.Run(Steps(workflow.Job("lint"))[^1], context, bin.FullName, path);

            lookup.ExitCode.Should().Be(0, lookup.Errors + lookup.Log);
            record.ExitCode.Should().Be(0, record.Errors + record.Log);
            lookup.Values["lint_marker_found"].Should().Be(installs ? "true" : "false");
            lookup.Errors.Contains("could not install redis-cli", StringComparison.Ordinal).Should().Be(!installs);
            record.Errors.Contains("::warning::", StringComparison.Ordinal).Should().Be(!installs);
            if (installs)
            {
                File.ReadAllText(Path.Combine(bin.FullName, "apt.log")).Should().Be(
                    "apt-get update -qq\napt-get install -y -qq --no-install-recommends redis-tools\n");
            }
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public void S3_steps_without_the_aws_cli_warn_and_run_the_job()
    {
        var workflow = Planned("s3");
        var bin = Directory.CreateTempSubdirectory("cigen-bin-");
        File.WriteAllText(Path.Combine(bin.FullName, SkippingSample.DefinitionFile), "jobs: {}\n"); // the hash runs in a checkout
        try
        {
            var context = Context(("secrets.AWS_KEY", "k"), ("secrets.AWS_SECRET", "s"), ("needs.cigen_plan.outputs.lint_marker", "k"));
            var environment = new Dictionary<string, string> { ["HOME"] = bin.FullName };
            // No aws, no apt-get, no pip: only what the runtime needs (the machine's own aws, if any, stays out of PATH).
            var path = $"{bin.FullName}:{RuntimeTools(bin)}";
            Fake(bin, "apt-get", "#!/bin/bash\nexit 100\n");
            Fake(bin, "python3", "#!/bin/bash\nexit 1\n");

            var lookup = RuntimeActionRun.Run(Step(workflow.Job(Plan), "cigen_hash"), context, bin.FullName, path, environment);
            var record = RuntimeActionRun.Run(Steps(workflow.Job("lint"))[^1], context, bin.FullName, path, environment);

            lookup.ExitCode.Should().Be(0, lookup.Errors);
            record.ExitCode.Should().Be(0, record.Errors);
            lookup.Values["lint_marker_found"].Should().Be("false");
            lookup.Errors.Should().Contain("could not install the AWS CLI");
            record.Errors.Should().Contain("could not install the AWS CLI");
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static string MarkerKey(YamlDotNet.RepresentationModel.YamlMappingNode step) =>
        Text(step, "uses") == "./.github/actions/cigen" ? Pairs(Mapping(step, "with"))["marker"]
        : Text(step, "uses") is not null ? Pairs(Mapping(step, "with"))["key"] : Pairs(Mapping(step, "env"))["CIGEN_MARKER_KEY"];

    /// <summary>
    /// The plan job's context after its hash step: each marker output named by the hash step's spec is its prefix and
    /// <c>HASH</c>, and the marker of leg N of <paramref name="jobId"/> (in the order of the spec) is found when
    /// <paramref name="found"/> says so, as the native lookup's <c>cache-hit</c> and as the runtime's own lookup.
    /// </summary>
    private static Dictionary<string, object?> PlanContext(YamlDotNet.RepresentationModel.YamlMappingNode plan, string jobId, Func<int, bool> found)
    {
        var context = Context();
        var values = new Dictionary<string, string>();
        var leg = 0;
        foreach (var line in Pairs(Mapping(Step(plan, "cigen_hash"), "with"))["spec"].Split('\n').Where(l => l.StartsWith("marker ", StringComparison.Ordinal)))
        {
            var words = line.Split(' ');
            values[words[1]] = words[2] + "HASH";
            if (words[1].StartsWith($"{jobId}_", StringComparison.Ordinal))
            {
                var hit = found(leg++) ? "true" : "false";
                values[words[1] + "_found"] = hit;
                context[$"steps.{words[1]}.outputs.cache-hit"] = hit;
            }
        }

        context["steps.cigen_hash.outputs.json"] = RuntimeActionRun.ToJson(values);
        return context;
    }

    /// <summary>
    /// Runs the plan job's hash step (native markers) in a checkout holding its definition files, twice: first with an
    /// empty cache, to learn the markers' names, then with GitHub's cache (<see cref="FakeGitHubCache"/>) holding the
    /// markers of the legs of <paramref name="jobId"/> (in the order of the hash step's records) that
    /// <paramref name="found"/> picks. Returns the plan job's outputs for the job — <c>all</c> (its verdict),
    /// <c>legs</c>, <c>skipped</c> or <c>running</c> — and <c>json</c>, the hash step's output.
    /// </summary>
    private static Dictionary<string, string> PlanLegs(YamlDotNet.RepresentationModel.YamlMappingNode plan, string jobId, Func<int, bool> found)
    {
        var hash = Step(plan, "cigen_hash");
        // The job's markers in leg order, from a plan run with nothing cached: its own marker, or its legs' (JOB_legs).
        var first = PlanRun.Hash(hash, Context(), _ => false).Values;
        var markers = first.TryGetValue($"{jobId}_legs", out var legs)
            ? JsonDocument.Parse(legs).RootElement.EnumerateObject().Select(leg => leg.Value.GetString()!).ToList()
            : [first[$"{jobId}_marker"]];
        var names = PlanRun.MarkersByOutputName(first).ToDictionary(v => v.Key, v => v.Value);
        var run = PlanRun.Hash(hash, Context(), name => names.TryGetValue(name, out var marker) && markers.IndexOf(marker) is var i and >= 0 && found(i));
        var context = Context(("steps.cigen_hash.outputs.json", run.Json));
        var outputs = Pairs(Mapping(plan, "outputs"));
        var result = new Dictionary<string, string> { ["all"] = GitHubExpression.Interpolate(outputs[jobId], context), ["json"] = run.Json };
        foreach (var name in new[] { "legs", "skipped", "running" })
        {
            if (outputs.TryGetValue($"{jobId}_{name}", out var output))
            {
                result[name] = GitHubExpression.Interpolate(output, context);
            }
        }

        return result;
    }

    /// <summary>
    /// The legs GitHub runs of a matrix job whose strategy the plan trimmed, as GitHub expands it: the legs whose
    /// values match no entry of the plan's <c>exclude</c>, or the plan's own <c>include</c> list; each as its values.
    /// </summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Started(
        YamlDotNet.RepresentationModel.YamlMappingNode job, Job graphJob, IReadOnlyDictionary<string, string> plan)
    {
        var context = Context(("needs.cigen_plan.outputs.test_skipped", plan.GetValueOrDefault("skipped")), ("needs.cigen_plan.outputs.test_running", plan.GetValueOrDefault("running")));
        var matrix = Mapping(job, "strategy")!.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("matrix")];
        static Dictionary<string, string> Values(JsonElement entry) =>
            entry.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        static Dictionary<string, string> LegValues(MatrixLeg leg) =>
            leg.Values.ToDictionary(v => v.Key, v => v.Value.Kind == ScalarKind.Number ? double.Parse(v.Value.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v.Value.Text);
        if (matrix is YamlDotNet.RepresentationModel.YamlScalarNode whole)
        {
            var text = GitHubExpression.Interpolate(whole.Value!.Replace("fromJSON(", "(", StringComparison.Ordinal), context);
            return [.. JsonDocument.Parse(text).RootElement.GetProperty("include").EnumerateArray().Select(Values)];
        }

        var exclude = Text((YamlDotNet.RepresentationModel.YamlMappingNode)matrix, "exclude")!;
        exclude.Should().StartWith("${{ fromJSON(needs.cigen_plan.outputs.test_skipped || '[]') }}");
        var excluded = JsonDocument.Parse(plan.GetValueOrDefault("skipped") is { Length: > 0 } skipped ? skipped : "[]").RootElement.EnumerateArray().Select(Values).ToList();
        return [.. graphJob.MatrixLegs.Select(LegValues).Where(leg => !excluded.Any(e => e.All(kv => leg.GetValueOrDefault(kv.Key) == kv.Value)))];
    }

    /// <summary>Shell that exports a step's <c>env</c> as GitHub would set it, its expressions evaluated in <paramref name="context"/>.</summary>
    private static string Exports(YamlDotNet.RepresentationModel.YamlMappingNode step, IReadOnlyDictionary<string, object?> context) =>
        string.Concat(Pairs(Mapping(step, "env")).Select(e =>
            $"export {e.Key}='{GitHubExpression.Interpolate(e.Value, context).Replace("'", "'\\''", StringComparison.Ordinal)}'\n"));

    private static ShellRun.Result Run(string script, string directory) =>
        ShellRun.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], directory);

    /// <summary>Runs a step's script as GitHub does (<c>shell: bash</c>) and returns the lines it wrote to <c>$GITHUB_OUTPUT</c>.</summary>
    private static IReadOnlyList<string> RunStepScript(string script, string? directory = null)
    {
        var outputFile = Path.GetTempFileName();
        try
        {
            var run = Run($"export GITHUB_OUTPUT='{outputFile}'\n{script}", directory ?? Path.GetTempPath());
            run.ExitCode.Should().Be(0, run.StandardError + run.Text);
            return File.ReadAllLines(outputFile);
        }
        finally
        {
            File.Delete(outputFile);
        }
    }
}
