using CIGen.Core.Skipping;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// Ref-scoped markers and <c>skip_on_tags: false</c> in the plan job and in the skippable job, read back from the
/// written YAML (conditions evaluated with GitHub's semantics); and the warning about path filters that hide the gate
/// when no plan job applies them.
/// </summary>
public sealed class SkippingAcrossRefsTests
{
    private static Graph Scoped(bool refScoped, bool skipOnTags, string strategy = "plan")
    {
        var lint = SkippingSample.Lint(SkippingSample.Native());
        lint = lint with
        {
            Skipping = lint.Skipping! with
            {
                RefScope = refScoped ? SkipRefScope.Kind : SkipRefScope.None,
                SkipOnTags = skipOnTags,
            },
        };
        var graph = G.Graph(G.Workflow("ci", lint));
        return graph with { ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = strategy }) };
    }

    /// <summary>
    /// What the hash step outputs on a run of <paramref name="environment"/> (GitHub's variables), with GitHub's cache
    /// holding every marker (<paramref name="cached"/>) or none.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Hashed(YamlDotNet.RepresentationModel.YamlMappingNode hash, params (string Name, string Value)[] environment) =>
        Hashed(hash, cached: false, environment);

    private static IReadOnlyDictionary<string, string> Hashed(YamlDotNet.RepresentationModel.YamlMappingNode hash, bool cached, params (string Name, string Value)[] environment) =>
        PlanRun.Hash(hash, new Dictionary<string, object?>(), _ => cached, environment.ToDictionary(e => e.Name, e => e.Value)).Values;

    [Fact]
    public void A_ref_scoped_job_is_looked_up_and_recorded_under_the_ref_kind_the_plan_saw()
    {
        var result = Render.Graph(Scoped(refScoped: true, skipOnTags: true));
        Validators.AssertValidGitHubWorkflows(result.Files);
        var workflow = new WorkflowReadBack(Render.Workflows(result).Single().Content);
        var plan = workflow.Job("cigen_plan");
        var hash = Step(plan, "cigen_hash");

        Pairs(Mapping(hash, "with"))["spec"].Should().Contain("\nref kind\n");
        Hashed(hash, cached: true, ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF_TYPE", "tag"))["lint_marker_found"].Should().Be("true", "the job skips on tags too, with the tag's marker");
        var values = Hashed(hash, ("GITHUB_EVENT_NAME", "pull_request"));
        values["lint_marker"].Should().Be($"cigen-skip-v1/linux-amd64/ci/lint/pull_request/{values["lint_hash"]}");
        Hashed(hash, ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF_TYPE", "tag"))["lint_marker"].Should().StartWith("cigen-skip-v1/linux-amd64/ci/lint/tag/");
        var record = Steps(workflow.Job("lint")).Single(s => Text(s, "name") == "Record the skip marker");
        Text(Mapping(record, "with")!, "marker").Should().Be("${{ needs.cigen_plan.outputs.lint_marker }}");
    }

    [Fact]
    public void An_unscoped_job_keeps_its_marker_name_and_prints_no_ref_kind()
    {
        var workflow = new WorkflowReadBack(Render.Single(Scoped(refScoped: false, skipOnTags: true)));
        var hash = Step(workflow.Job("cigen_plan"), "cigen_hash");

        Pairs(Mapping(hash, "with"))["spec"].Should().NotContain("ref ");
        var values = Hashed(hash, ("GITHUB_EVENT_NAME", "pull_request"));
        values["lint_marker"].Should().Be($"cigen-skip-v1/linux-amd64/ci/lint/{values["lint_hash"]}");
        values.Keys.Should().NotContain("lint_ref_kind");
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("early_exit")]
    public void A_job_that_never_skips_on_tags_is_not_looked_up_on_a_tag_run(string strategy)
    {
        var result = Render.Graph(Scoped(refScoped: false, skipOnTags: false, strategy));
        Validators.AssertValidGitHubWorkflows(result.Files);
        var workflow = new WorkflowReadBack(Render.Workflows(result).Single().Content);
        var hash = workflow.AllSteps.Single(s => Text(s, "id") == "cigen_hash");

        Pairs(Mapping(hash, "with"))["spec"].Should().Contain("\nno_tags\n");
        foreach (var (type, eventName, looksUp) in new[] { ("tag", "push", false), ("branch", "push", true), ("branch", "pull_request", true) })
        {
            var values = Hashed(hash, cached: true, ("GITHUB_REF_TYPE", type), ("GITHUB_EVENT_NAME", eventName));
            values["lint_lookup"].Should().Be(looksUp ? "true" : "false", type);
            if (strategy == "plan")
            {
                // The plan's hash step looks the marker up itself, and finds nothing on a tag run.
                values["lint_marker_found"].Should().Be(looksUp ? "true" : "false", type);
                continue;
            }

            var condition = Text(workflow.AllSteps.Single(s => Text(s, "id") == "cigen_skip"), "if")!;
            GitHubExpression.Holds(condition, new Dictionary<string, object?> { ["status()"] = "success", ["steps.cigen_hash.outputs.json"] = RuntimeActionRun.ToJson(values) })
                .Should().Be(looksUp, type);
        }
    }

    [Theory]
    [InlineData("early_exit", "pull_request", true, false, true)]
    [InlineData("early_exit", "pull_request_target", false, true, true)]
    [InlineData("early_exit", "push", true, false, false)]
    [InlineData("plan", "pull_request", true, false, false)]
    [InlineData("plan", "pull_request_target", false, true, false)]
    public void A_pull_request_path_filter_the_plan_job_cannot_apply_is_a_warning_at_the_trigger(string strategy, string @event, bool paths, bool pathsIgnore, bool warns)
    {
        var trigger = G.Event(@event) with { Paths = paths ? ["src/**"] : [], PathsIgnore = pathsIgnore ? ["docs/**"] : [] };
        var graph = SkippingSample.Graph(SkippingSample.Native());
        graph = graph with
        {
            Workflows = [graph.Workflows[0] with { Triggers = [trigger] }],
            ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = strategy }),
        };

        var warnings = Render.Graph(graph).Diagnostics.Where(d => d.Code == "github.path-filter-hides-gate").ToList();

        if (!warns)
        {
            warnings.Should().BeEmpty("the plan job applies the filter, so the gate always reports");
            return;
        }

        var warning = warnings.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        (warning.File, warning.Line, warning.Column).Should().Be((trigger.Source.File, trigger.Source.Line, trigger.Source.Column));
        warning.Message.Should().Contain($"filters '{@event}' by '{(paths ? "paths" : "paths-ignore")}'")
            .And.Contain("'cigen_gate' (All jobs passed) never reports").And.Contain("cannot merge")
            .And.Contain("skip_strategy 'early_exit'").And.Contain("use 'plan'").And.Contain("remove");
    }

    [Fact]
    public void A_path_filter_without_skippable_jobs_is_not_warned_about()
    {
        var trigger = G.Event("pull_request") with { PathsIgnore = ["docs/**"] };
        var graph = G.Graph(G.Workflow("ci", SkippingSample.Deploy() with { Needs = [] }) with { Triggers = [trigger] });

        Render.Graph(graph).Diagnostics.Should().NotContain(d => d.Code == "github.path-filter-hides-gate");
    }
}
