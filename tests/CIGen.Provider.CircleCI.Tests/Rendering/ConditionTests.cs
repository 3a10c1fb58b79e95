using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Condition trees as CircleCI spells them: step `when`, job workflow filters, and an error for the rest.</summary>
public class ConditionTests
{
    private static string Workflow(Job job, params Trigger[] triggers)
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("x")), job);
        return Render.Section(Render.Config(G.Graph(triggers.Length == 0 ? workflow : workflow with { Triggers = triggers })), "workflows:");
    }

    [Theory]
    [InlineData("branch == 'main'", "          filters:\n            branches:\n              only: main\n")]
    [InlineData("branch == 'main' || branch == 'dev'", "          filters:\n            branches:\n              only: [main, dev]\n")]
    [InlineData("success() && branch != 'wip' && branch != 'tmp'", "          filters:\n            branches:\n              ignore: [wip, tmp]\n")]
    public void Branch_tests_of_a_job_become_its_workflow_filters(string condition, string filters) =>
        Workflow(G.Job("b", G.Run("y")).When(condition)).Should().Contain("      - b:\n" + filters);

    [Fact]
    public void Tag_tests_narrow_the_tags_a_push_trigger_runs()
    {
        var text = Workflow(G.Job("b", G.Run("y")).When("tag == 'v1' || branch == 'main'"), G.Push());

        text.Should().Contain("      - a:\n          filters:\n            tags:\n              only: /.*/\n");
        text.Should().Contain("      - b:\n          filters:\n            branches:\n              only: main\n            tags:\n              only: v1\n");
    }

    [Fact]
    public void A_branch_the_trigger_does_not_run_leaves_the_job_out_of_every_ref() =>
        Workflow(G.Job("b", G.Run("y")).When("branch == 'dev'"), G.Push() with { Branches = ["main"] })
            .Should().Contain("      - b:\n          filters:\n            branches:\n              ignore: /.*/\n");

    [Theory]
    [InlineData("github.event_name == 'push'", "`github.event_name` is GitHub-only")]
    [InlineData("branch == 'main' && contains(github.ref, 'x')", "`contains(github.ref, 'x')` is GitHub-only")]
    [InlineData("env.MODE == 'x'", "can test only the pushed ref")]
    [InlineData("matrix.os == 'linux'", "can test only the pushed ref")]
    [InlineData("failure()", "can test only the pushed ref")]
    [InlineData("!(branch == 'main')", "can test only the pushed ref")]
    [InlineData("branch == 'a' || branch != 'b'", "can test only the pushed ref")]
    [InlineData("always()", "cannot apply to a job with requirements")]
    public void Job_conditions_it_cannot_express_are_errors_naming_the_job(string condition, string reason)
    {
        var job = (G.Job("b", G.Run("y")) with { Needs = ["a"] }).When(condition);

        Render.Diagnostics(G.Job("a", G.Run("x")), job).Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.job-condition" && d.Job == "b" && d.Workflow == "ci"
            && d.Message.Contains("which the circleci provider cannot express") && d.Message.Contains(reason));
    }

    [Theory]
    [InlineData("${{ failure() }}", "        when: on_fail\n")]
    [InlineData("always()", "        when: always\n")]
    public void A_step_condition_of_one_status_function_becomes_when(string condition, string when) =>
        Render.Steps(Render.Jobs(G.Job("a", G.Run("make", "Build").When(condition)))).Should().Contain(when);

    [Theory]
    [InlineData("github.event_name == 'push'", "`github.event_name` is GitHub-only")]
    [InlineData("failure() && branch == 'main'", "runs a step on success, on failure or always")]
    [InlineData("cancelled()", "runs a step on success, on failure or always")]
    public void Other_step_conditions_are_errors_naming_the_step(string condition, string reason) =>
        Render.Diagnostics(G.Job("a", G.Run("make", "Build").When(condition))).Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.step-condition" && d.Job == "a" && d.Message.Contains(reason));

    [Fact]
    public void Mapped_conditions_pass_the_validators()
    {
        var workflow = G.Workflow("ci",
            G.Job("a", G.Run("x"), G.Run("echo failed").When("failure()")),
            (G.Job("b", G.Run("y"), G.Run("echo finished").When("${{ always() }}")) with { Needs = ["a"] }).When("success() && (branch == 'main' || tag == 'v1')"),
            G.Job("c", G.Run("z")).When("branch != 'wip'")) with { Triggers = [G.Push()] };

        var result = Render.Graph(G.Graph(workflow));
        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidCircleCiConfigs(result.Files);
    }
}
