using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing.Meaning;

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
    [InlineData("!(branch == 'main')", "          filters:\n            branches:\n              ignore: main\n")]
    [InlineData("startsWith(branch, 'release/') && branch != 'release/old'", "          filters:\n            branches:\n              only: /^release/.*$/\n              ignore: release/old\n")]
    [InlineData("branch == 'a' || branch != 'b'", "          filters:\n            branches:\n              ignore: b\n")]
    [InlineData("branch == 'a' || startsWith(branch, 'f') && branch != 'fx'", "          filters:\n            branches:\n              only: [/^a$/, '/^(?!(?:fx)$)f.*$/']\n")]
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
    [InlineData("env.MODE == 'x'", "decides a job by the pipeline's ref and the job's matrix values")]
    [InlineData("failure()", "decides a job by the pipeline's ref and the job's matrix values")]
    [InlineData("branch == env.MODE", "decides a job by the pipeline's ref and the job's matrix values")]
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
    [InlineData("failure() || branch == 'main'", "a status function under `||` or `!`")]
    [InlineData("cancelled()", "but not `cancelled()`")]
    [InlineData("env.MODE == 'x'", "tests of `env`")]
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

    [Fact]
    public void A_step_testing_the_ref_becomes_a_when_step_the_pipeline_decides()
    {
        var text = Render.Steps(Render.Jobs(G.Job("a", G.Run("make"), G.Run("./publish", "Publish").When("failure() && startsWith(tag, 'v')"))));

        text.Should().Contain(
            "      - when:\n          condition:\n            matches:\n              pattern: ^v.*$\n              value: << pipeline.git.tag >>\n"
            + "          steps:\n            - run:\n                name: Publish\n                when: on_fail\n                command: ./publish\n");
    }

    [Fact]
    public void Matrix_values_in_conditions_are_decided_per_leg()
    {
        var test = MatrixSample.Test() with { Steps = [G.Run("make"), G.Run("./arm-only").When("matrix.arch == 'arm64'")], CheckoutIndex = null };
        var config = Render.Config(G.Graph(G.Workflow("ci", test.When("matrix.ruby != '3.2' && branch == 'main'"), MatrixSample.Deploy())));

        config.Should().NotContain("test_amd64_3_2", "the leg's condition is false, so it is left out");
        config.Should().Contain("      - deploy:\n          requires: [test_amd64_3_3, test_arm64_3_3, test_amd64_3_4]\n");
        var main = new CircleCiPipeline("main", "");
        main.RunCommands(config, "test_arm64_3_3").Should().Contain("./arm-only");
        main.RunCommands(config, "test_amd64_3_3").Should().NotContain("./arm-only");
        main.RunningJobs(config, "ci").Should().Contain(["test_amd64_3_3", "test_arm64_3_3", "test_amd64_3_4", "deploy"]);
        new CircleCiPipeline("dev", "").RunningJobs(config, "ci").Should().BeEmpty("the legs' condition needs branch main, and deploy needs them");
    }

    [Fact]
    public void A_job_whose_every_leg_is_false_runs_nowhere_and_neither_do_its_dependents()
    {
        var test = MatrixSample.Test().When("matrix.ruby == '9.9'");
        var config = Render.Config(G.Graph(G.Workflow("ci", test, MatrixSample.Deploy())));

        Render.Section(config, "workflows:").Should().Contain("filters:\n            branches:\n              ignore: /.*/\n");
        new CircleCiPipeline("main", "").RunningJobs(config, "ci").Should().BeEmpty();
        new CircleCiPipeline("", "v1.0.0").RunningJobs(config, "ci").Should().BeEmpty();
    }

    [Fact]
    public void A_job_without_a_matrix_decides_its_steps_with_every_matrix_value_null_as_GitHub_does()
    {
        var steps = Render.Steps(Render.Jobs(G.Job("a", G.Run("echo set").When("matrix.cross"), G.Run("echo unset").When("matrix.cross == ''"))));

        steps.Should().Be("    steps:\n      - run: echo unset\n");
        Render.Steps(Render.Jobs(G.Job("a", G.Run("echo set").When("matrix.cross"))))
            .Should().Be("    steps:\n      - run: echo \"No step's condition holds for this job.\"\n");
    }

    [Fact]
    public void A_leg_whose_every_step_is_false_still_has_a_step_as_on_GitHub_where_it_runs_with_all_steps_skipped()
    {
        var test = MatrixSample.Test() with { Steps = [G.Run("./arm-only").When("matrix.arch == 'arm64'")], CheckoutIndex = null };
        var config = Render.Config(G.Graph(G.Workflow("ci", test)));

        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunCommands(config, "test_amd64_3_2").Should().Equal("echo \"No step's condition holds for this leg.\"");
        pipeline.RunCommands(config, "test_arm64_3_3").Should().Equal("./arm-only");
    }
}
