using CIGen.Core.Skipping;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

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
                RefScoped = refScoped,
                SkipOnTags = skipOnTags,
                RefKindScript = refScoped || !skipOnTags ? RefKindScript.Text : null,
            },
        };
        var graph = G.Graph(G.Workflow("ci", lint));
        return graph with { Settings = new ProviderSettings { Github = new GitHubSettings { SkipStrategy = strategy } } };
    }

    [Fact]
    public void A_ref_scoped_job_is_looked_up_and_recorded_under_the_ref_kind_the_plan_saw()
    {
        var text = Render.Single(Scoped(refScoped: true, skipOnTags: true));
        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", text)]);
        var workflow = new WorkflowReadBack(text);
        var plan = workflow.Job("cigen_plan");

        Text(Step(plan, "lint_hash"), "run").Should().Contain("cigen_ref_kind() {").And.Contain("echo \"ref_kind=$(cigen_ref_kind)\" >> \"$GITHUB_OUTPUT\"");
        Text(Mapping(Step(plan, "lint_marker"), "with")!, "key").Should()
            .Be("cigen-skip-v1/linux-amd64/ci/lint/${{ steps.lint_hash.outputs.ref_kind }}/${{ steps.lint_hash.outputs.hash }}");
        Text(Step(plan, "lint_marker"), "if").Should().BeNull("the job skips on tags too, with the tag's marker");
        Pairs(Mapping(plan, "outputs"))["lint_ref_kind"].Should().Be("${{ steps.lint_hash.outputs.ref_kind }}");
        var record = Steps(workflow.Job("lint")).Single(s => Text(s, "name") == "Record the skip marker");
        Text(Mapping(record, "with")!, "key").Should()
            .Be("cigen-skip-v1/linux-amd64/ci/lint/${{ needs.cigen_plan.outputs.lint_ref_kind }}/${{ needs.cigen_plan.outputs.lint_hash }}");
    }

    [Fact]
    public void An_unscoped_job_keeps_its_marker_name_and_prints_no_ref_kind()
    {
        var workflow = new WorkflowReadBack(Render.Single(Scoped(refScoped: false, skipOnTags: true)));
        var plan = workflow.Job("cigen_plan");

        Text(Step(plan, "lint_hash"), "run").Should().NotContain("ref_kind");
        Text(Mapping(Step(plan, "lint_marker"), "with")!, "key").Should().Be("cigen-skip-v1/linux-amd64/ci/lint/${{ steps.lint_hash.outputs.hash }}");
        Keys(Mapping(plan, "outputs")).Should().NotContain("lint_ref_kind");
    }

    [Theory]
    [InlineData("plan", "lint_hash", "lint_marker")]
    [InlineData("early_exit", "cigen_hash", "cigen_skip")]
    public void A_job_that_never_skips_on_tags_is_not_looked_up_on_a_tag_run(string strategy, string hashId, string lookupId)
    {
        var text = Render.Single(Scoped(refScoped: false, skipOnTags: false, strategy));
        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", text)]);
        var workflow = new WorkflowReadBack(text);
        var lookup = workflow.AllSteps.Single(s => Text(s, "id") == lookupId);
        var condition = Text(lookup, "if")!;

        foreach (var (kind, looksUp) in new[] { ("tag", false), ("branch", true), ("pull_request", true) })
        {
            GitHubExpression.Holds(condition, new Dictionary<string, object?> { ["status()"] = "success", [$"steps.{hashId}.outputs.ref_kind"] = kind })
                .Should().Be(looksUp, kind);
        }

        Text(Mapping(lookup, "with")!, "key").Should().NotContain("ref_kind", "the marker itself is not scoped");
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
            Settings = new ProviderSettings { Github = new GitHubSettings { SkipStrategy = strategy } },
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
