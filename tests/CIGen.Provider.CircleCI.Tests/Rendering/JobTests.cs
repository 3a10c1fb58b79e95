using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class JobTests
{
    private static readonly SourceLocation JobSource = G.At(".cigen/workflows/ci/jobs/test.yml", 3, 7);

    [Fact]
    public void Runs_a_job_in_a_docker_container_of_cimg_base_by_default()
    {
        Render.Section(Render.Jobs(G.Job("test", G.Run("make"))), "  test:").Should().Be(
            "  test:\n    docker:\n      - image: cimg/base:current\n    steps:\n      - run: make\n");
    }

    [Fact]
    public void Writes_image_resource_class_environment_and_steps_in_that_order()
    {
        var job = G.Job("test", G.Run("make")) with
        {
            Image = "rust:1.83",
            Runner = new RunnerSelection { ResourceClass = "large" },
            Env = G.Env(("RUST_LOG", "debug")),
        };

        Render.Section(Render.Jobs(job), "  test:").Should().Be(
            """
              test:
                docker:
                  - image: rust:1.83
                resource_class: large
                environment:
                  RUST_LOG: debug
                steps:
                  - run: make

            """);
    }

    [Fact]
    public void Merges_the_workflows_variables_into_every_job_with_the_jobs_value_winning_in_place()
    {
        var workflow = G.Workflow(
            "ci",
            G.Job("a", G.Run("x")) with { Env = G.Env(("MODE", "job"), ("JOB_ONLY", Scalar.Boolean(true))) },
            G.Job("b", G.Run("y"))) with
        {
            Env = G.Env(("CI_FLAG", Scalar.Number("1")), ("MODE", "workflow")),
        };

        var text = Render.Config(G.Graph(workflow));

        Render.Section(text, "  a:").Should().Contain("    environment:\n      CI_FLAG: 1\n      MODE: job\n      JOB_ONLY: true\n");
        Render.Section(text, "  b:").Should().Contain("    environment:\n      CI_FLAG: 1\n      MODE: workflow\n");
    }

    [Fact]
    public void Reports_github_expressions_in_workflow_variables_once_at_the_workflow()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("x")), G.Job("b", G.Run("y"))) with { Env = G.Env(("SHA", "${{ github.sha }}")) };

        Render.Graph(G.Graph(workflow)).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.env-expression" && d.File == ".cigen/workflows/ci.yml" && d.Workflow == "ci" && d.Job == null
            && d.Message.StartsWith("variable `SHA` of workflow `ci` has the value `${{ github.sha }}`, which the circleci provider cannot express"));
    }

    [Fact]
    public void Display_names_are_left_out_quietly_because_CircleCI_shows_ids()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("test", G.Run("x")) with { Name = "Unit tests", Source = JobSource }) with { Name = "CI" }));

        result.Diagnostics.Should().BeEmpty();
        result.Files.Single().Content.Should().NotContain("Unit tests").And.NotContain("CI\n");
    }

    [Fact]
    public void Warns_that_a_timeout_is_ignored()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("test", G.Run("x")) with { TimeoutMinutes = 20, Source = JobSource })));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Warning, "circleci.ignored",
            "timeout 20 of job `test` of workflow `ci` has no CircleCI equivalent: CircleCI limits a job's total time by plan and stops a step "
            + "after 10 minutes without output (`no_output_timeout`); the timeout is ignored",
            JobSource.File, 3, 7, "ci", "test"));
        result.Files.Single().Content.Should().NotContain("timeout");
    }

    [Fact]
    public void Warns_once_for_a_matrix_job_naming_the_job_the_user_wrote_not_once_per_leg()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", MatrixSample.Test() with { TimeoutMinutes = 20, Source = JobSource })));

        MatrixSample.Test().MatrixLegs.Should().HaveCount(4);
        result.Diagnostics.Where(d => d.Message.StartsWith("timeout", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Message.StartsWith("timeout 20 of job `test` of workflow `ci` has no CircleCI equivalent", StringComparison.Ordinal)
                && d.Job == "test" && d.Line == 3);
    }

    [Fact]
    public void Warns_that_github_runner_labels_are_ignored_and_keeps_the_resource_class()
    {
        var job = G.Job("test", G.Run("x")) with { Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04"], ResourceClass = "large" } };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("runs_on [ubuntu-24.04] of job `test` of workflow `ci` names GitHub runner labels");
        result.Files.Single().Content.Should().Contain("    resource_class: large\n").And.NotContain("ubuntu");
    }

    [Theory]
    [InlineData("success()")]
    [InlineData("${{ success() }}")]
    [InlineData("true")]
    public void Accepts_job_conditions_that_are_circlecis_default(string condition)
    {
        Render.Diagnostics(G.Job("a", G.Run("x")), G.Job("b", G.Run("y")) with { Needs = ["a"], If = condition }).Should().BeEmpty();
    }

    [Fact]
    public void Accepts_always_on_a_job_that_requires_nothing()
    {
        Render.Diagnostics(G.Job("a", G.Run("x")) with { If = "always()" }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("github.event_name == 'push'", false)]
    [InlineData("always()", true)]
    [InlineData("failure()", true)]
    public void Reports_other_job_conditions_as_errors(string condition, bool needs)
    {
        var job = G.Job("b", G.Run("y")) with { Needs = needs ? ["a"] : [], If = condition, Source = JobSource };

        Render.Diagnostics(G.Job("a", G.Run("x")), job).Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.job-condition" && d.Job == "b" && d.Line == 3
            && d.Message.StartsWith($"job `b` of workflow `ci` has the condition `{condition}`, which the circleci provider cannot express"));
    }

    [Fact]
    public void Reports_a_job_left_without_steps()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("a", G.UseCommand("github_only")) with { Source = JobSource })) with { Commands = [G.Command("github_only")] };

        Render.Graph(graph).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.job-without-steps" && d.Line == 3 && d.Job == "a");
    }

    [Fact]
    public void Puts_an_approval_job_only_in_its_workflow()
    {
        var text = Render.Jobs(G.Job("build", G.Run("make")), G.Approval("hold") with { Needs = ["build"] }, G.Job("deploy", G.Run("./deploy")) with { Needs = ["hold"] });

        Render.Section(text, "jobs:").Should().NotContain("hold");
        Render.Section(text, "workflows:").Should().Contain(
            """
                  - hold:
                      type: approval
                      requires: [build]
                      filters:
                        tags:
                          only: /.*/
                  - deploy:
                      requires: [hold]
            """);
    }
}
