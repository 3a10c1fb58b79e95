using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Conditions are rendered from the tree the host parsed, one rule per node kind.</summary>
public class ConditionTests
{
    [Theory]
    [InlineData("${{ failure() }}", "failure()")]
    [InlineData("!cancelled()", "!cancelled()")]
    [InlineData("branch == 'main'", "github.ref == 'refs/heads/main'")]
    [InlineData("branch != 'main'", "github.ref != 'refs/heads/main'")]
    [InlineData("tag == 'v1'", "github.ref == 'refs/tags/v1'")]
    [InlineData("'v1' == tag", "github.ref == 'refs/tags/v1'")]
    [InlineData("tag != ''", "startsWith(github.ref, 'refs/tags/')")]
    [InlineData("tag == ''", "!startsWith(github.ref, 'refs/tags/')")]
    [InlineData("branch == ''", "!startsWith(github.ref, 'refs/heads/')")]
    [InlineData("branch != ''", "startsWith(github.ref, 'refs/heads/')")]
    [InlineData("startsWith(tag, 'v')", "startsWith(github.ref, 'refs/tags/v')")]
    [InlineData("!startsWith(tag, 'v')", "!startsWith(github.ref, 'refs/tags/v')")]
    [InlineData("startsWith(branch, 'release/')", "startsWith(github.ref, 'refs/heads/release/')")]
    [InlineData("startsWith(tag, '')", "true")]
    [InlineData("startsWith(matrix.os, 'ubuntu')", "startsWith(matrix.os, 'ubuntu')")]
    [InlineData("branch == 'it''s'", "github.ref == 'refs/heads/it''s'")]
    [InlineData("branch == env.TARGET", "(startsWith(github.ref, 'refs/heads/') && github.ref_name || '') == env.TARGET")]
    [InlineData("matrix.os == 'linux'", "matrix.os == 'linux'")]
    [InlineData("github.event_name == 'push'", "github.event_name == 'push'")]
    [InlineData("contains(github.ref, 'rel')", "contains(github.ref, 'rel')")]
    [InlineData("!contains(github.ref, 'rel')", "!(contains(github.ref, 'rel'))")]
    [InlineData("!(branch == 'a')", "!(github.ref == 'refs/heads/a')")]
    [InlineData("(a() || b()) && c()", "(a() || b()) && c()")]
    [InlineData("a() || b() && c()", "a() || b() && c()")]
    [InlineData("always() && (inputs.go || needs.x.result == 'success')", "always() && (inputs.go || needs.x.result == 'success')")]
    public void Each_node_kind_renders_as_a_GitHub_expression(string written, string rendered) =>
        new ConditionRenderer(PullRequests: false).Render(ConditionTrees.Of(written)).Should().Be(rendered);

    [Theory]
    [InlineData("branch == 'main'", "(github.head_ref == 'main' || !github.head_ref && github.ref == 'refs/heads/main')")]
    [InlineData("branch != 'main'", "!(github.head_ref == 'main' || !github.head_ref && github.ref == 'refs/heads/main')")]
    [InlineData("branch == ''", "(!github.head_ref && !startsWith(github.ref, 'refs/heads/'))")]
    [InlineData("branch != ''", "(github.head_ref || startsWith(github.ref, 'refs/heads/'))")]
    [InlineData("startsWith(branch, 'feat/')", "(startsWith(github.head_ref, 'feat/') || !github.head_ref && startsWith(github.ref, 'refs/heads/feat/'))")]
    [InlineData("tag == 'v1' && branch == 'x'", "github.ref == 'refs/tags/v1' && (github.head_ref == 'x' || !github.head_ref && github.ref == 'refs/heads/x')")]
    [InlineData("branch == env.T", "(github.head_ref || startsWith(github.ref, 'refs/heads/') && github.ref_name || '') == env.T")]
    public void In_a_workflow_pull_requests_start_branch_is_the_head_branch(string written, string rendered) =>
        new ConditionRenderer(PullRequests: true).Render(ConditionTrees.Of(written)).Should().Be(rendered);

    [Fact]
    public void Without_a_tree_the_text_is_kept_as_written() =>
        new ConditionRenderer(PullRequests: false).Text("${{ github.actor == 'x' }}", null).Should().Be("${{ github.actor == 'x' }}");

    [Fact]
    public void Job_and_step_conditions_use_the_tree() =>
        Render.From(Render.Jobs(G.Job("deploy", G.Run("make").When("failure() || tag == 'v1'")).When("branch == 'main'")), "  deploy:").Should().Contain(
            "    if: github.ref == 'refs/heads/main'\n").And.Contain("      - if: failure() || github.ref == 'refs/tags/v1'\n");

    [Fact]
    public void A_requires_any_job_adds_the_rendered_condition()
    {
        var text = Render.Jobs(G.Job("a", G.Run("x")), G.Job("b", G.Run("y")), (G.Job("c", G.Run("z")) with { RequiresAny = ["a", "b"] }).When("branch == 'main'"));

        text.Should().Contain("!cancelled() && (needs.a.result == 'success' || needs.b.result == 'success') && (github.ref == 'refs/heads/main')");
    }

    [Fact]
    public void A_command_steps_condition_joins_the_rendered_conditions()
    {
        var notify = G.Command("notify", G.Run("echo done").When("always()"));
        var job = G.Job("a", G.UseCommand("notify").When("branch == 'main'"));

        Render.Single(G.Graph(G.Workflow("ci", job)) with { Commands = [notify] })
            .Should().Contain("if: (github.ref == 'refs/heads/main') && (always())");
    }

    [Fact]
    public void Rendered_conditions_pass_the_validators()
    {
        var job = G.Job("deploy",
            G.Run("make").When("failure() && (branch == 'main' || tag == 'v1')"),
            G.Run("echo x").When("!(branch == env.TARGET) && github.event_name != 'schedule'"),
            G.Run("echo y").When("contains(github.ref, 'rel') || inputs.go == 'yes'")).When("success() && branch != 'wip'") with { Env = G.Env(("TARGET", "main")) };
        var other = G.Job("other", G.Run("z")) with { RequiresAny = ["deploy"] };
        var workflow = G.Workflow("ci", job, other.When("tag == 'v2'")) with { Triggers = [G.Push(), G.Event("workflow_dispatch") with { Inputs = [new WorkflowInput { Name = "go" }] }] };

        Validators.AssertValidGitHubWorkflows(Render.Graph(G.Graph(workflow)).Files);
    }

    [Fact]
    public void A_job_condition_on_matrix_values_is_an_error_because_GitHub_decides_it_before_the_matrix() =>
        Render.Graph(G.Graph(G.Workflow("ci", MatrixSample.Test().When("matrix.ruby != '3.2'")))).Diagnostics.Should().ContainSingle(d =>
            d.Severity == Severity.Error && d.Job == "test" && d.Message.Contains("before it expands the matrix") && d.Message.Contains("matrix.exclude"));

    [Fact]
    public void A_workflow_started_by_pull_request_target_tests_the_head_branch_not_the_base()
    {
        var workflow = G.Workflow("ci", G.Job("deploy", G.Run("make")).When("branch == 'main'")) with { Triggers = [G.Event("pull_request_target")] };

        Render.Single(G.Graph(workflow)).Should().Contain("    if: (github.head_ref == 'main' || !github.head_ref && github.ref == 'refs/heads/main')\n");
    }
}
