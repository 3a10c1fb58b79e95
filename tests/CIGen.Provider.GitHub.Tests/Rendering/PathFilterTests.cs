using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Provider.Sdk.Patterns;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using CIGen.Testing.ProviderCases;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// A pull-request trigger's path filter moved into the plan job (the provider case <c>skipping-paths</c>: lint, a
/// matrix test, deploy on main, docs that needs nothing, notify on failure): the trigger without the filter, the plan's
/// step and outputs, every job's <c>needs</c> and <c>if</c>, read back from the written YAML; and what a run means,
/// computed with GitHub's rules from the written conditions: on a docs-only pull request every job but the plan and the
/// gate is skipped and the gate passes; otherwise the jobs run exactly as in the same workflow without the filter.
/// </summary>
public sealed partial class PathFilterTests
{
    private const string Plan = "cigen_plan";
    private const string Gate = "cigen_gate";
    private const string Passes = "needs.cigen_plan.outputs.cigen_paths != 'false'";

    private static Graph WithTriggers(Graph graph, params Trigger[] triggers) =>
        graph with { Workflows = [graph.Workflows[0] with { Triggers = triggers }] };

    /// <summary>The graph the core makes of <c>tests/provider-cases/skipping-paths</c>.</summary>
    private static Graph SkippingPaths() => ProviderCase.Named("skipping-paths").Graph;

    private static WorkflowReadBack Filtered() => new(Render.Single(SkippingPaths()));

    [Fact]
    public void The_pull_request_trigger_is_written_without_its_filter_and_the_push_keeps_its_own()
    {
        var graph = WithTriggers(
            SkippingPaths(),
            G.Push() with { Branches = ["main"], Paths = ["src/**"] },
            G.Event("pull_request") with { Types = ["opened", "synchronize"], Branches = ["main"], Paths = ["src/**", "!src/docs/**"] });
        var text = Render.Single(graph);

        text[text.IndexOf("on:\n", StringComparison.Ordinal)..text.IndexOf("\njobs:", StringComparison.Ordinal)].Should().Be(
            """
            on:
              push:
                branches: [main]
                paths: [src/**]
              pull_request:
                types: [opened, synchronize]
                branches: [main]

            """);
    }

    [Fact]
    public void The_plan_job_checks_out_both_parents_of_the_merge_commit_and_applies_the_filter_first()
    {
        var plan = Filtered().Job(Plan);
        var steps = Steps(plan);

        Text(steps[0], "uses").Should().Be("actions/checkout@v4");
        Pairs(Mapping(steps[0], "with"))["fetch-depth"].Should().Be("2");
        steps.Select(s => Text(s, "id")).Should().StartWith([null, "cigen_paths", "cigen_hash"]);
        var step = steps[1];
        Text(step, "shell").Should().Be("bash");
        Text(step, "if").Should().BeNull("the script itself decides only pull-request events");
        Pairs(Mapping(step, "env")).Should().Equal(new Dictionary<string, string>
        {
            ["CIGEN_PR_HEAD"] = "${{ github.event.pull_request.head.sha }}",
            ["CIGEN_PULL_REQUEST_FILTER"] = "paths-ignore",
            ["CIGEN_PULL_REQUEST_PATTERNS"] = "^docs/.*$\n^[^/]*\\.md$\n!^docs/api/.*$",
        });
        // The script's file as it is, less its commentary (the generated copy keeps only shellcheck's directives).
        var source = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "providers/CIGen.Provider.GitHub/Scripts/path-filter.sh"))
            .Where(line => !line.TrimStart().StartsWith('#') || line.TrimStart().StartsWith("# shellcheck ", StringComparison.Ordinal));
        Text(step, "run").Should().Be(string.Join('\n', source) + "\n").And.NotContain("${{");
        Pairs(Mapping(plan, "outputs"))["cigen_paths"].Should().Be("${{ steps.cigen_paths.outputs.run }}");
    }

    [Fact]
    public void Hashes_and_lookups_run_only_when_the_filter_lets_the_run_go_on_and_every_verdict_is_then_skip()
    {
        var plan = Filtered().Job(Plan);
        var outputs = Pairs(Mapping(plan, "outputs"));

        foreach (var step in Steps(plan).Skip(2))
        {
            GitHubExpression.Holds(Text(step, "if"), StepOutputs(("cigen_paths", "run", "false"))).Should().BeFalse(Text(step, "id"));
            GitHubExpression.Holds(Text(step, "if"), StepOutputs(("cigen_paths", "run", "true"))).Should().BeTrue(Text(step, "id"));
        }

        // The filter left the run out: the lookups did not run, so they found nothing.
        var leftOut = StepOutputs(("cigen_paths", "run", "false"));
        GitHubExpression.Interpolate(outputs["lint"], leftOut).Should().Be("skip");
        GitHubExpression.Interpolate(outputs["test"], leftOut).Should().Be("skip");

        var found = StepOutputs(("cigen_paths", "run", "true"), ("cigen_hash", "json", """{"lint_marker_found":"true","test":"run"}"""));
        GitHubExpression.Interpolate(outputs["lint"], found).Should().Be("skip");
        GitHubExpression.Interpolate(outputs["test"], found).Should().Be("run");
        var missing = StepOutputs(("cigen_paths", "run", "true"), ("cigen_hash", "json", """{"lint_marker_found":"false","test":"skip"}"""));
        GitHubExpression.Interpolate(outputs["lint"], missing).Should().Be("run");
        GitHubExpression.Interpolate(outputs["test"], missing).Should().Be("skip");
    }

    [Fact]
    public void Every_job_the_plan_does_not_decide_about_needs_it_and_runs_only_when_the_filter_does_not_leave_the_run_out()
    {
        var workflow = Filtered();

        List(workflow.Job("docs"), "needs").Should().Equal(Plan);
        Text(workflow.Job("docs"), "if").Should().Be(Passes);
        List(workflow.Job("notify"), "needs").Should().Equal(Plan, "deploy");
        Text(workflow.Job("notify"), "if").Should().Be($"{Passes} && (failure())");
        List(workflow.Job("deploy"), "needs").Should().Equal(Plan, "test", "lint");
        Text(workflow.Job("deploy"), "if").Should().Contain($"&& {Passes} && (");
        Text(workflow.Job("lint"), "if").Should().Be("needs.cigen_plan.outputs.lint != 'skip'", "the verdict already says skip when the filter leaves the run out");

        foreach (var (paths, runs) in new[] { ("false", false), ("true", true), ("", true) })
        {
            GitHubExpression.Holds(Passes, Context(("needs.cigen_plan.outputs.cigen_paths", paths))).Should().Be(runs, $"cigen_paths is '{paths}'");
            GitHubExpression.Holds(Text(workflow.Job("notify"), "if"), Context(("needs.cigen_plan.outputs.cigen_paths", paths), ("status()", "failure")))
                .Should().Be(runs, "a status function keeps deciding about failures, but not against the filter");
        }

        GitHubExpression.Holds(Text(workflow.Job("notify"), "if"), Context(("needs.cigen_plan.outputs.cigen_paths", "true"))).Should().BeFalse();
    }

    [Fact]
    public void Approval_jobs_wait_for_the_filter_too()
    {
        var graph = SkippingPaths();
        graph = graph with { Workflows = [graph.Workflows[0] with { Jobs = [.. graph.Workflows[0].Jobs, G.Approval("hold") with { Needs = ["lint"] }] }] };
        var job = new WorkflowReadBack(Render.Single(graph)).Job("hold");

        List(job, "needs").Should().Equal(Plan, "lint");
        Text(job, "if").Should().StartWith("!cancelled() && needs.cigen_plan.result == 'success' && ").And.EndWith($" && {Passes}");
    }

    [Fact]
    public void A_pull_request_target_filter_is_fetched_by_the_step_and_keeps_a_shallow_checkout()
    {
        var graph = WithTriggers(SkippingPaths(), G.Event("pull_request_target") with { Paths = ["src/**"] });
        var text = Render.Single(graph);
        var plan = new WorkflowReadBack(text).Job(Plan);

        text.Should().Contain("on:\n  pull_request_target:\n\n");
        Keys(Steps(plan)[0]).Should().NotContain("with", "the step fetches the merge commit itself; the base needs no history");
        Pairs(Mapping(Step(plan, "cigen_paths"), "env")).Should().Equal(new Dictionary<string, string>
        {
            ["CIGEN_PR_NUMBER"] = "${{ github.event.pull_request.number }}",
            ["CIGEN_PR_HEAD"] = "${{ github.event.pull_request.head.sha }}",
            ["CIGEN_PULL_REQUEST_TARGET_FILTER"] = "paths",
            ["CIGEN_PULL_REQUEST_TARGET_PATTERNS"] = "^src/.*$",
        });
    }

    [Fact]
    public void Both_pull_request_events_filtered_get_one_step_with_both_filters_and_every_rendering_passes_the_validators()
    {
        var both = WithTriggers(
            SkippingPaths(),
            G.Event("pull_request") with { PathsIgnore = ["docs/**"] },
            G.Event("pull_request_target") with { Paths = ["src/**", "!src/gen/**"] });
        var target = WithTriggers(SkippingPaths(), G.Event("pull_request_target") with { Paths = ["src/**"] });
        var text = Render.Single(both);

        Pairs(Mapping(Step(new WorkflowReadBack(text).Job(Plan), "cigen_paths"), "env")).Keys.Should().Equal(
            "CIGEN_PR_NUMBER", "CIGEN_PR_HEAD", "CIGEN_PULL_REQUEST_FILTER", "CIGEN_PULL_REQUEST_PATTERNS", "CIGEN_PULL_REQUEST_TARGET_FILTER", "CIGEN_PULL_REQUEST_TARGET_PATTERNS");
        Validators.AssertValidGitHubWorkflows(
        [
            new OutputFile("both/.github/workflows/ci.yml", text),
            new OutputFile("target/.github/workflows/ci.yml", Render.Single(target)),
            new OutputFile("matrix-only/.github/workflows/ci.yml", Render.Single(WithTriggers(
                G.Graph(G.Workflow("ci", SkippingSample.Test(SkippingSample.Native()) with { Needs = [] })),
                G.Event("pull_request") with { Paths = ["src/**"] }))),
        ]);
    }

    [Theory]
    [InlineData("!docs/**")]
    [InlineData("*.md")]
    [InlineData("a: b #c|'quoted' \"too\"")]
    [InlineData("docs/**|!docs/x y |  z")]
    [InlineData("[CB]at/**|**/*.{md}|$HOME/`x`")]
    public void Patterns_reach_the_steps_env_line_by_line_whatever_yaml_makes_of_them(string patterns)
    {
        var list = patterns.Split('|');
        var text = Render.Single(WithTriggers(SkippingPaths(), G.Event("pull_request") with { Paths = list }));
        var expected = list.Select(p => FilterPatternLine(p));

        Pairs(Mapping(Step(new WorkflowReadBack(text).Job(Plan), "cigen_paths"), "env"))["CIGEN_PULL_REQUEST_PATTERNS"].Should().Be(string.Join('\n', expected));
        text.Split('\n').Should().NotContain(l => l.EndsWith(' '));
        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", text)]);
    }

    private static string FilterPatternLine(string pattern)
    {
        FilterPattern.TryCompile(pattern, out var compiled, out var error).Should().BeTrue(error);
        return compiled!.Line;
    }

    [Fact]
    public void Without_a_pull_request_path_filter_the_plan_job_and_the_jobs_stay_as_they_were()
    {
        var workflow = new WorkflowReadBack(Render.Single(WithTriggers(SkippingPaths(), G.Push() with { PathsIgnore = ["docs/**"] }, G.Event("pull_request"))));
        var plan = workflow.Job(Plan);

        Keys(Steps(plan)[0]).Should().NotContain("with");
        Steps(plan).Select(s => Text(s, "id")).Should().NotContain("cigen_paths");
        Keys(Mapping(plan, "outputs")).Should().NotContain("cigen_paths");
        Keys(workflow.Job("docs")).Should().NotContain(["needs", "if"]);
        Text(workflow.Job("notify"), "if").Should().Be("failure()");
        Steps(plan).Should().NotContain(s => Text(s, "if") != null && Text(s, "if")!.Contains("cigen_paths", StringComparison.Ordinal));
    }

    [Fact]
    public void Early_exit_keeps_the_filter_in_on_with_a_warning()
    {
        var graph = SkippingPaths() with { ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = "early_exit" }) };
        var result = Render.Graph(graph);
        var text = Render.Workflows(result).Single().Content;

        text.Should().Contain("  pull_request:\n    paths-ignore: [docs/**, '*.md', '!docs/api/**']\n").And.NotContain("cigen_paths");
        result.Diagnostics.Should().ContainSingle(d => d.Code == "github.path-filter-hides-gate");
    }

    [Theory]
    [InlineData("docs/[._]*")]
    [InlineData("docs/[")]
    public void A_pattern_that_is_no_filter_pattern_keeps_the_filter_in_on_with_a_warning(string pattern)
    {
        var trigger = G.Event("pull_request") with { PathsIgnore = ["*.md", pattern] };
        var result = Render.Graph(WithTriggers(SkippingPaths(), trigger));
        var text = Render.Workflows(result).Single().Content;

        text.Should().Contain("  pull_request:\n    paths-ignore:").And.NotContain("cigen_paths");
        var warning = result.Diagnostics.Should().ContainSingle(d => d.Code == "github.path-filter-hides-gate").Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.Message.Should().Contain($"its pattern '{pattern}' is no GitHub filter pattern").And.Contain("stays in 'on:'").And.Contain("never reports");
        (warning.File, warning.Line).Should().Be((trigger.Source.File, trigger.Source.Line));
    }

    [Fact]
    public void A_skippable_job_named_like_the_filters_output_is_an_error()
    {
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Lint(SkippingSample.Native()) with { Id = "cigen_paths" }) with
        {
            Triggers = [G.Event("pull_request") with { Paths = ["src/**"] }],
        });

        Render.Graph(graph).Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Which.Message
            .Should().Contain("job id 'cigen_paths' is the name of the plan job's output of the pull request's path filter");
    }

    public static TheoryData<string, string[]> Runs() => new()
    {
        { "a pull request that changes code", [] },
        { "a pull request whose lint is unchanged", ["lint_marker"] },
        { "a pull request whose test legs are all unchanged", ["test_amd64_marker", "test_arm64_marker"] },
        { "a push to main", [] },
        { "a push to main whose lint is unchanged", ["lint_marker"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void When_the_filter_lets_the_run_go_on_every_job_runs_as_without_the_filter(string run, string[] unchanged)
    {
        var github = run.Contains("push", StringComparison.Ordinal) ? Push : PullRequest;
        var filtered = Filtered();
        var unfiltered = new WorkflowReadBack(Render.Single(WithTriggers(SkippingPaths(), G.Push() with { Branches = ["main"] }, G.Event("pull_request"))));

        var results = Simulate(filtered, github, "true", unchanged);

        results.Should().Equal(Simulate(unfiltered, github, null, unchanged));
        results[Gate].Should().Be("success");
        results["docs"].Should().Be("success");
        results["lint"].Should().Be(unchanged.Contains("lint_marker") ? "skipped" : "success");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_pull_request_the_filter_leaves_out_every_job_but_the_plan_and_the_gate_is_skipped_and_the_gate_passes(bool lintUnchanged)
    {
        var results = Simulate(Filtered(), PullRequest, "false", lintUnchanged ? ["lint_marker"] : []);

        results.Should().Equal(new Dictionary<string, string>
        {
            [Plan] = "success",
            ["lint"] = "skipped",
            ["test"] = "skipped",
            ["deploy"] = "skipped",
            ["docs"] = "skipped",
            ["notify"] = "skipped",
            [Gate] = "success",
        });
    }

    private static Dictionary<string, object?> PullRequest => new()
    {
        ["github.event_name"] = "pull_request",
        ["github.ref"] = "refs/pull/7/merge",
        ["github.head_ref"] = "feature/login",
        ["github.base_ref"] = "main",
    };

    private static Dictionary<string, object?> Push => new()
    {
        ["github.event_name"] = "push",
        ["github.ref"] = "refs/heads/main",
        ["github.head_ref"] = "",
        ["github.base_ref"] = "",
    };

    private static Dictionary<string, object?> Context(params (string Key, object? Value)[] values)
    {
        var context = new Dictionary<string, object?> { ["status()"] = "success" };
        foreach (var (key, value) in values)
        {
            context[key] = value;
        }

        return context;
    }

    private static Dictionary<string, object?> StepOutputs(params (string Id, string Output, string Value)[] outputs) =>
        Context([.. outputs.Select(o => ($"steps.{o.Id}.outputs.{o.Output}", (object?)o.Value))]);

    /// <summary>
    /// The result of every job of a run, by GitHub's rules applied to the written workflow. The plan job's steps run
    /// when their <c>if</c> holds: the filter step outputs <paramref name="filterRun"/>, the hash step what the runtime
    /// prints with GitHub's cache holding the markers named in <paramref name="unchanged"/>; the plan's outputs are its expressions over them. Every other job runs when its <c>if</c> holds over its
    /// needs' results and the plan's outputs (without a status function, only when all its needs succeeded) and then
    /// succeeds; the gate fails when its script would.
    /// </summary>
    private static Dictionary<string, string> Simulate(WorkflowReadBack workflow, Dictionary<string, object?> github, string? filterRun, string[] unchanged)
    {
        var contexts = new Dictionary<string, object?>(github);
        var plan = workflow.Job(Plan);
        var steps = new Dictionary<string, object?>(github);
        foreach (var step in Steps(plan).Where(s => Text(s, "id") is not null && GitHubExpression.Holds(Text(s, "if"), steps)))
        {
            var id = Text(step, "id")!;
            if (id == "cigen_paths")
            {
                steps["steps.cigen_paths.outputs.run"] = filterRun ?? throw new InvalidOperationException("a filter step without a filter");
            }
            else if (id == "cigen_hash")
            {
                // GitHub's cache holds the markers named in unchanged.
                steps["steps.cigen_hash.outputs.json"] = PlanRun.Hash(step, steps, unchanged.Contains).Json;
            }
        }

        foreach (var (name, value) in Pairs(Mapping(plan, "outputs")))
        {
            contexts[$"needs.{Plan}.outputs.{name}"] = GitHubExpression.Interpolate(value, steps);
        }

        var results = new Dictionary<string, string> { [Plan] = "success" };
        foreach (var id in workflow.JobIds.Where(id => id != Plan))
        {
            var job = workflow.Job(id);
            var needs = List(job, "needs");
            var local = new Dictionary<string, object?>(contexts)
            {
                ["status()"] = needs.Any(n => results[n] == "failure") ? "failure" : "success",
            };
            foreach (var need in needs)
            {
                local[$"needs.{need}.result"] = results[need];
            }

            var condition = Text(job, "if");
            var implicitSuccess = condition is null || !StatusFunction().IsMatch(condition);
            var runs = GitHubExpression.Holds(condition, local) && (!implicitSuccess || needs.All(n => results[n] == "success"));
            results[id] = !runs ? "skipped" : id == Gate && Failed(job, local) ? "failure" : "success";
        }

        return results;
    }

    private static bool Failed(YamlMappingNode gate, Dictionary<string, object?> contexts) =>
        GitHubExpression.Interpolate(Pairs(Mapping(Steps(gate).Single(), "env"))["CIGEN_FAILED"], contexts) == "true";

    [GeneratedRegex(@"\b(success|failure|always|cancelled)\s*\(\s*\)")]
    private static partial Regex StatusFunction();
}
