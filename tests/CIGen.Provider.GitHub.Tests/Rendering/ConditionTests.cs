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
    [InlineData("'v1' == tag", "'refs/tags/v1' == github.ref")]
    [InlineData("branch == 'it''s'", "github.ref == 'refs/heads/it''s'")]
    [InlineData("branch == env.TARGET", "(github.ref_type == 'branch' && github.ref_name || '') == env.TARGET")]
    [InlineData("matrix.os == 'linux'", "matrix.os == 'linux'")]
    [InlineData("github.event_name == 'push'", "github.event_name == 'push'")]
    [InlineData("contains(github.ref, 'rel')", "contains(github.ref, 'rel')")]
    [InlineData("!contains(github.ref, 'rel')", "!(contains(github.ref, 'rel'))")]
    [InlineData("!(branch == 'a')", "!(github.ref == 'refs/heads/a')")]
    [InlineData("(a() || b()) && c()", "(a() || b()) && c()")]
    [InlineData("a() || b() && c()", "a() || b() && c()")]
    [InlineData("always() && (inputs.go || needs.x.result == 'success')", "always() && (inputs.go || needs.x.result == 'success')")]
    public void Each_node_kind_renders_as_a_GitHub_expression(string written, string rendered) =>
        ConditionRenderer.Render(ConditionTrees.Of(written)).Should().Be(rendered);

    [Fact]
    public void Without_a_tree_the_text_is_kept_as_written() =>
        ConditionRenderer.Text("${{ github.actor == 'x' }}", null).Should().Be("${{ github.actor == 'x' }}");

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
}
