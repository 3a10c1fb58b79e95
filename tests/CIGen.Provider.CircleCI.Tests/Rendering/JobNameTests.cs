using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>All workflows share one <c>jobs:</c> map: the naming rule of <c>JobNames</c>.</summary>
public class JobNameTests
{
    private static Workflow Workflow(string id, params Job[] jobs) => G.Workflow(id, jobs) with { Source = G.At($".cigen/workflows/{id}.yml") };

    [Fact]
    public void Shares_one_definition_when_workflows_define_the_same_job()
    {
        var text = Render.Config(G.Graph(Workflow("ci", G.Job("lint", G.Run("make lint"))), Workflow("nightly", G.Job("lint", G.Run("make lint")))));

        Render.Section(text, "jobs:").Should().Be("jobs:\n  lint:\n    docker:\n      - image: cimg/base:current\n    steps:\n      - run: make lint\n");
        Render.Section(text, "workflows:").Should().Contain("  ci:\n    jobs:\n      - lint:").And.Contain("  nightly:\n    jobs:\n      - lint:");
    }

    [Fact]
    public void Prefixes_every_job_of_an_id_that_workflows_define_differently_with_its_workflow()
    {
        var graph = G.Graph(
            Workflow("ci", G.Job("build", G.Run("make")), G.Job("test", G.Run("make test")) with { Needs = ["build"] }),
            Workflow("docs", G.Job("build", G.Run("mkdocs build"))),
            Workflow("nightly", G.Job("build", G.Run("make"))));

        var text = Render.Config(graph);

        Render.Section(text, "jobs:").Split('\n').Where(l => l.Length > 2 && l[2] != ' ' && l[0] == ' ').Should().Equal(
            "  ci_build:", "  test:", "  docs_build:", "  nightly_build:");
        Render.Section(text, "  ci:").Should().Contain("      - ci_build:").And.Contain("      - test:\n          requires: [ci_build]");
    }

    [Fact]
    public void Compares_ids_ignoring_case_as_circleci_does()
    {
        var text = Render.Config(G.Graph(Workflow("ci", G.Job("Build", G.Run("make"))), Workflow("docs", G.Job("build", G.Run("make")))));

        text.Should().Contain("\n  ci_Build:\n").And.Contain("\n  docs_build:\n");
    }

    [Fact]
    public void Counts_workflow_variables_as_part_of_the_job()
    {
        var graph = G.Graph(Workflow("ci", G.Job("lint", G.Run("make lint"))), Workflow("nightly", G.Job("lint", G.Run("make lint"))) with { Env = G.Env(("NIGHTLY", "1")) });

        Render.Config(graph).Should().Contain("\n  ci_lint:\n").And.Contain("\n  nightly_lint:\n");
    }

    [Fact]
    public void Applies_the_rule_to_approval_jobs_too()
    {
        var graph = G.Graph(Workflow("ci", G.Job("deploy", G.Run("./deploy"))), Workflow("release", G.Job("package", G.Run("make")), G.Approval("deploy") with { Needs = ["package"] }));

        var text = Render.Config(graph);

        text.Should().Contain("\n  ci_deploy:\n").And.Contain("      - release_deploy:\n          type: approval\n");
    }

    [Fact]
    public void Reports_a_job_id_circleci_rejects()
    {
        var result = Render.Graph(G.Graph(Workflow("ci", G.Job("_private", G.Run("x")))));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error, "circleci.invalid-name",
            "job `_private` of workflow `ci` gets the CircleCI job name `_private`, which CircleCI rejects: job names start with a letter and "
            + "hold only letters, digits, `_` and `-`; rename the job",
            ".cigen/workflows/ci/jobs/_private.yml", 1, 1, "ci", "_private"));
    }

    [Fact]
    public void Reports_a_prefixed_name_circleci_rejects()
    {
        var result = Render.Graph(G.Graph(Workflow("2024", G.Job("build", G.Run("x"))), Workflow("ci", G.Job("build", G.Run("y")))));

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be(
            "job `build` of workflow `2024` gets the CircleCI job name `2024_build` (its workflow's id before its own, because workflows define "
            + "different jobs `build`), which CircleCI rejects: job names start with a letter and hold only letters, digits, `_` and `-`; "
            + "rename the job or the workflow");
    }

    [Fact]
    public void Reports_a_prefixed_name_that_another_job_already_has()
    {
        var graph = G.Graph(Workflow("ci", G.Job("build", G.Run("x")), G.Job("ci_build", G.Run("z"))), Workflow("docs", G.Job("build", G.Run("y"))));

        Render.Graph(graph).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == "circleci.invalid-name" && d.Job == "ci_build"
            && d.Message == "job `ci_build` of workflow `ci` gets the CircleCI job name `ci_build`, but job `build` of workflow `ci` is named `ci_build`, "
            + "and CircleCI job names must differ ignoring case; rename one of them");
    }

    [Fact]
    public void Reports_two_ids_of_one_workflow_that_differ_only_in_case()
    {
        Render.Graph(G.Graph(Workflow("ci", G.Job("build", G.Run("x")), G.Job("Build", G.Run("y"))))).Diagnostics.Should().ContainSingle()
            .Which.Code.Should().Be("circleci.invalid-name");
    }
}
