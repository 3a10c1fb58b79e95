using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;
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

    private static WorkflowReadBack EarlyExit(string backend = "native") => new(Render.Single(SampleGraphs.EarlyExit(Backend(backend))));

    private static Dictionary<string, object?> Context(params (string Key, object? Value)[] values)
    {
        var context = new Dictionary<string, object?> { ["status()"] = "success", ["github.ref"] = "refs/heads/main" };
        foreach (var (key, value) in values)
        {
            context[key] = value;
        }

        return context;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Plan_job_comes_first_and_outputs_a_verdict_and_hash_per_job_and_the_skipped_legs_of_a_matrix_job(string backend)
    {
        var workflow = Planned(backend);

        workflow.JobIds.Should().Equal(Plan, "lint", "test", "deploy", "cigen_gate");
        var plan = workflow.Job(Plan);
        Text(plan, "name").Should().Be("Plan: skip unchanged jobs");
        List(plan, "runs-on").Should().Equal("ubuntu-latest");
        Keys(plan).Should().NotContain(["permissions", "needs", "if"]);
        Keys(Mapping(plan, "outputs")).Should().Equal("lint", "lint_hash", "test", "test_hash", "test_skip");
        Pairs(Mapping(plan, "outputs"))["lint_hash"].Should().Be("${{ steps.lint_hash.outputs.hash }}");
        Steps(plan).Select(s => Text(s, "id")).Should().Equal(
            null, "lint_hash", "lint_marker", "test_hash", "test_amd64_marker", "test_arm64_marker", "test_legs");
        Text(Steps(plan)[0], "uses").Should().Be("actions/checkout@v4");
    }

    [Theory]
    [InlineData("true", "skip")]
    [InlineData("false", "run")]
    [InlineData("", "run")]
    public void Plan_says_skip_only_when_the_native_cache_has_the_marker(string cacheHit, string verdict)
    {
        var outputs = Pairs(Mapping(Planned().Job(Plan), "outputs"));

        GitHubExpression.Evaluate(outputs["lint"], Context(("steps.lint_marker.outputs.cache-hit", cacheHit))).Should().Be(verdict);
    }

    [Fact]
    public void Native_lookup_asks_the_cache_without_downloading()
    {
        var lookup = Step(Planned().Job(Plan), "lint_marker");

        Text(lookup, "uses").Should().Be("actions/cache/restore@v4");
        Pairs(Mapping(lookup, "with")).Should().Equal(new Dictionary<string, string>
        {
            ["path"] = "~/.cigen-skip-marker",
            ["key"] = "cigen-skip-v1/linux-amd64/ci/lint/${{ steps.lint_hash.outputs.hash }}",
            ["lookup-only"] = "true",
            ["enableCrossOsArchive"] = "true",
        });
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("redis")]
    public void Script_lookup_gets_the_key_and_the_backends_variables_with_secrets_as_references(string backend)
    {
        var lookup = Step(Planned(backend).Job(Plan), "lint_marker");
        var env = Pairs(Mapping(lookup, "env"));

        env["CIGEN_MARKER_KEY"].Should().Be("cigen-skip-v1/linux-amd64/ci/lint/${{ steps.lint_hash.outputs.hash }}");
        if (backend == "s3")
        {
            env["AWS_ACCESS_KEY_ID"].Should().Be("${{ secrets.AWS_KEY }}");
            env["CIGEN_S3_BUCKET"].Should().Be("ci-markers");
        }
        else
        {
            env["CIGEN_REDIS_URL"].Should().Be("${{ secrets.REDIS_URL }}");
        }

        Text(lookup, "run").Should().Contain(Backend(backend).LookupScript).And.Contain("cigen_marker_lookup \"$CIGEN_MARKER_KEY\"");
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
    [InlineData("[]", 0, true, "run")]
    [InlineData("[\"arm64\"]", 1, true, "run")]
    [InlineData("[\"amd64\",\"arm64\"]", 2, false, "skip")]
    public void Matrix_job_starts_unless_every_leg_is_skipped(string skippedLegs, int count, bool starts, string verdict)
    {
        var workflow = Planned();
        var collect = Step(workflow.Job(Plan), "test_legs");
        var env = Pairs(Mapping(collect, "env"));
        var context = Context(
            ("steps.test_amd64_marker.outputs.cache-hit", count == 2 ? "true" : "false"),
            ("steps.test_arm64_marker.outputs.cache-hit", count >= 1 ? "true" : "false"));
        var exports = string.Concat(env.Select(e => $"export {e.Key}='{GitHubExpression.Interpolate(e.Value, context)}'\n"));

        var outputs = RunStepScript(exports + Text(collect, "run"));

        outputs.Should().Equal($"skip={skippedLegs}", $"all={verdict}");
        GitHubExpression.Holds(Text(workflow.Job("test"), "if")!, Context(
            ("needs.lint.result", "success"), ("needs.cigen_plan.result", "success"), ("needs.cigen_plan.outputs.test", verdict)))
            .Should().Be(starts);
    }

    /// <summary>Found by the generative test: with one leg the collect script looped over one quoted word (SC2066).</summary>
    [Theory]
    [InlineData(true, "[\"amd64\"]", "skip")]
    [InlineData(false, "[]", "run")]
    public void A_one_leg_job_collects_its_leg_with_a_script_shellcheck_accepts(bool found, string skippedLegs, string verdict)
    {
        var backend = SkippingSample.Native();
        var test = SkippingSample.Test(backend) with
        {
            Architectures = ["amd64"],
            MatrixLegs = [MatrixSample.Leg("amd64", ("arch", "amd64"))],
            Skipping = SkippingSample.Test(backend).Skipping! with { Markers = [new SkipMarker { Leg = "amd64", Prefix = "cigen-skip-v1/linux-amd64/ci/test_amd64/" }] },
        };
        var text = Render.Single(G.Graph(G.Workflow("ci", SkippingSample.Lint(backend), test)));
        var collect = Step(new WorkflowReadBack(text).Job(Plan), "test_legs");
        var context = Context(("steps.test_amd64_marker.outputs.cache-hit", found ? "true" : "false"));
        var exports = string.Concat(Pairs(Mapping(collect, "env")).Select(e => $"export {e.Key}='{GitHubExpression.Interpolate(e.Value, context)}'\n"));

        RunStepScript(exports + Text(collect, "run")).Should().Equal($"skip={skippedLegs}", $"all={verdict}");
        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", text)]);
    }

    [Theory]
    [InlineData("amd64", "[\"arm64\"]", false)]
    [InlineData("arm64", "[\"arm64\"]", true)]
    [InlineData("arm64", "[]", false)]
    public void Each_leg_decides_first_and_gates_every_later_step(string arch, string skippedLegs, bool skips)
    {
        var steps = Steps(Planned().Job("test"));
        var decision = steps[0];

        Text(decision, "id").Should().Be("cigen_skip");
        var skip = GitHubExpression.Evaluate(
            Pairs(Mapping(decision, "env"))["CIGEN_SKIP"], Context(("matrix.arch", arch), ("needs.cigen_plan.outputs.test_skip", skippedLegs)));
        skip.Should().Be(skips);
        steps.Skip(1).Should().OnlyContain(s => Text(s, "if")!.Contains("steps.cigen_skip.outputs.skip != 'true'"));
        steps.Skip(1).Select(s => GitHubExpression.Holds(Text(s, "if")!, Context(
            ("steps.cigen_skip.outputs.skip", skips ? "true" : ""), ("needs.cigen_plan.outputs.test_hash", "abc")))).Should().AllBeEquivalentTo(!skips);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Record_step_writes_the_marker_the_plan_looked_up_only_after_success(string backend)
    {
        var workflow = Planned(backend);
        var plan = workflow.Job(Plan);
        var record = Steps(workflow.Job("lint"))[^1];

        Text(record, "name").Should().Be("Record the skip marker");
        MarkerKey(record).Should().Be(MarkerKey(Step(plan, "lint_marker")).Replace("steps.lint_hash.outputs.hash", "needs.cigen_plan.outputs.lint_hash", StringComparison.Ordinal));
        var condition = Text(record, "if")!;
        GitHubExpression.Holds(condition, Context(("needs.cigen_plan.outputs.lint_hash", "abc"))).Should().BeTrue();
        GitHubExpression.Holds(condition, Context(("needs.cigen_plan.outputs.lint_hash", "abc"), ("status()", "failure"))).Should().BeFalse();
        GitHubExpression.Holds(condition, Context(("needs.cigen_plan.outputs.lint_hash", ""))).Should().BeFalse();
        if (backend != "native")
        {
            Text(record, "run").Should().Contain(Backend(backend).RecordScript).And.Contain("cigen_marker_record \"$CIGEN_MARKER_KEY\" ||");
        }

        foreach (var (leg, arch) in new[] { ("amd64", "amd64"), ("arm64", "arm64") })
        {
            var context = Context(("matrix.arch", arch), ("needs.cigen_plan.outputs.test_hash", "HASH"), ("steps.test_hash.outputs.hash", "HASH"));
            GitHubExpression.Interpolate(MarkerKey(Steps(workflow.Job("test"))[^1]), context)
                .Should().Be(GitHubExpression.Interpolate(MarkerKey(Step(plan, $"test_{leg}_marker")), context))
                .And.Be($"cigen-skip-v1/linux-{arch}/ci/test_{leg}/HASH");
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
            steps.Skip(1).Take(2).Select(s => Text(s, "id")).Should().Equal("cigen_hash", "cigen_skip");
            var found = backend == "native" ? "steps.cigen_skip.outputs.cache-hit" : "steps.cigen_skip.outputs.skip";
            steps.Skip(3).Should().OnlyContain(s => Text(s, "if")!.Contains($"{found} != 'true'"));
            MarkerKey(steps[^1]).Should().Be(MarkerKey(steps[2]));
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
        foreach (var sample in SampleGraphs.All.Where(s => s.Name.StartsWith("skipping", StringComparison.Ordinal)))
        {
            foreach (var file in Render.Graph(sample.Graph).Files)
            {
                new WorkflowReadBack(file.Content).AllSteps.Select(s => Text(s, "run")).OfType<string>()
                    .Should().NotContain(r => r.Contains("${{"), sample.Name);
            }
        }
    }

    [Fact]
    public void Hash_step_outputs_the_hash_scripts_value_and_fails_on_anything_else()
    {
        var directory = Directory.CreateTempSubdirectory("cigen-hash-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "src"));
            File.WriteAllText(Path.Combine(directory.FullName, "src", "a b.txt"), "x");
            var script = Text(Step(Planned().Job(Plan), "lint_hash"), "run")!;
            var expected = ShellRun.Bash(SkippingSample.HashScript, directory.FullName).Text.Trim();

            RunStepScript(script, directory.FullName).Should().Equal($"hash={expected}");
            var broken = script.Replace(SkippingSample.HashScript, "echo not-a-hash\n", StringComparison.Ordinal);
            var failing = script.Replace(SkippingSample.HashScript, "false\necho " + expected + "\n", StringComparison.Ordinal);
            Run(broken, directory.FullName).ExitCode.Should().NotBe(0);
            Run(failing, directory.FullName).ExitCode.Should().NotBe(0, "a failing hash script never yields a hash");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0, "skip=true", false)]
    [InlineData(1, "skip=false", false)]
    [InlineData(2, "skip=false", true)]
    [InlineData(255, "skip=false", true)]
    public void Script_lookup_skips_only_when_the_backend_says_the_marker_exists(int exitCode, string output, bool warns)
    {
        var script = Text(Step(Planned("redis").Job(Plan), "lint_marker"), "run")!
            .Replace(SkippingSample.Redis().LookupScript!, $"cigen_marker_lookup() {{\n  return {exitCode}\n}}\n", StringComparison.Ordinal);

        var outputFile = Path.GetTempFileName();
        try
        {
            var run = Run($"export GITHUB_OUTPUT='{outputFile}' CIGEN_MARKER_KEY=k\n{script}", Path.GetTempPath());
            run.ExitCode.Should().Be(0);
            File.ReadAllText(outputFile).Should().Be(output + "\n");
            run.Text.Contains("::warning::", StringComparison.Ordinal).Should().Be(warns);
        }
        finally
        {
            File.Delete(outputFile);
        }
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
        var outputFile = Path.GetTempFileName();
        try
        {
            // A runner without redis-cli: PATH holds only a fake sudo, which "installs" a redis-cli that finds every key.
            var sudo = Path.Combine(bin.FullName, "sudo");
            File.WriteAllText(sudo, installs
                ? $"#!/bin/bash\necho \"$*\" >> '{bin.FullName}/sudo.log'\nprintf '#!/bin/bash\\necho 1\\n' > '{bin.FullName}/redis-cli'\n/bin/chmod +x '{bin.FullName}/redis-cli'\n"
                : "#!/bin/bash\nexit 100\n");
            ShellRun.Run("chmod", ["+x", sudo], bin.FullName).ExitCode.Should().Be(0);
            var prelude = $"export PATH='{bin.FullName}' GITHUB_OUTPUT='{outputFile}' CIGEN_MARKER_KEY=k\n";

            var lookup = Run(prelude + Text(Step(workflow.Job(Plan), "lint_marker"), "run"), bin.FullName);
            var record = Run(prelude + Text(Steps(workflow.Job("lint"))[^1], "run"), bin.FullName);

            lookup.ExitCode.Should().Be(0, lookup.StandardError + lookup.Text);
            record.ExitCode.Should().Be(0, record.StandardError + record.Text);
            File.ReadAllText(outputFile).Should().Be(installs ? "skip=true\n" : "skip=false\n");
            // The host's client script (SkipBackend.ClientScript) runs first, in the step's own shell.
            lookup.StandardError.Contains("could not install redis-cli", StringComparison.Ordinal).Should().Be(!installs);
            record.Text.Contains("::warning::", StringComparison.Ordinal).Should().Be(!installs);
            if (installs)
            {
                File.ReadAllText(Path.Combine(bin.FullName, "sudo.log")).Should().Be(
                    "apt-get update -qq\nenv DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-tools\n");
            }
        }
        finally
        {
            bin.Delete(recursive: true);
            File.Delete(outputFile);
        }
    }

    [Fact]
    public void S3_steps_without_the_aws_cli_warn_and_run_the_job()
    {
        var workflow = Planned("s3");
        var bin = Directory.CreateTempSubdirectory("cigen-bin-");
        var outputFile = Path.GetTempFileName();
        try
        {
            var prelude = $"export PATH='{bin.FullName}' GITHUB_OUTPUT='{outputFile}' CIGEN_MARKER_KEY=k\n";

            var lookup = Run(prelude + Text(Step(workflow.Job(Plan), "lint_marker"), "run"), bin.FullName);
            var record = Run(prelude + Text(Steps(workflow.Job("lint"))[^1], "run"), bin.FullName);

            lookup.ExitCode.Should().Be(0);
            record.ExitCode.Should().Be(0);
            File.ReadAllText(outputFile).Should().Be("skip=false\n");
            lookup.StandardError.Should().Contain("could not install the AWS CLI");
            record.StandardError.Should().Contain("could not install the AWS CLI");
        }
        finally
        {
            bin.Delete(recursive: true);
            File.Delete(outputFile);
        }
    }

    private static string MarkerKey(YamlDotNet.RepresentationModel.YamlMappingNode step) =>
        Text(step, "uses") is not null ? Pairs(Mapping(step, "with"))["key"] : Pairs(Mapping(step, "env"))["CIGEN_MARKER_KEY"];

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
