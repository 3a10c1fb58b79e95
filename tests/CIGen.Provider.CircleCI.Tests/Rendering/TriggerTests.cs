using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>A workflow's <c>on:</c> as CircleCI job filters, a pipeline-parameter guard, or a warning.</summary>
public class TriggerTests
{
    private static GenerateResult RenderTriggers(params Trigger[] triggers) =>
        Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("x")), G.Job("b", G.Run("y")) with { Needs = ["a"] }) with { Triggers = triggers }));

    private static string Workflows(params Trigger[] triggers)
    {
        var result = RenderTriggers(triggers);
        result.Diagnostics.Should().BeEmpty();
        return Render.Section(result.Files.Single().Content, "workflows:");
    }

    [Fact]
    public void Runs_a_bare_push_on_every_branch_and_every_tag_like_github()
    {
        Workflows(G.Push()).Should().Be(
            """
            workflows:
              ci:
                jobs:
                  - a:
                      filters:
                        tags:
                          only: /.*/
                  - b:
                      requires: [a]
                      filters:
                        tags:
                          only: /.*/

            """);
    }

    [Fact]
    public void Puts_push_branch_filters_on_every_job_and_runs_no_tags()
    {
        Workflows(G.Push() with { Branches = ["main", "release/**"] }).Should().Contain(
            "      - a:\n          filters:\n            branches:\n              only: [main, /^release/.*$/]\n      - b:\n          requires: [a]\n          filters:\n            branches:\n              only: [main, /^release/.*$/]\n");
    }

    [Fact]
    public void Maps_branches_ignore_to_ignore()
    {
        Workflows(G.Push() with { BranchesIgnore = ["gh-pages"] }).Should().Contain("          filters:\n            branches:\n              ignore: gh-pages\n");
    }

    [Fact]
    public void Splits_trailing_exclusions_of_a_branch_list_into_ignore()
    {
        Workflows(G.Push() with { Branches = ["releases/**", "!releases/**-alpha"] }).Should().Contain(
            "            branches:\n              only: /^releases/.*$/\n              ignore: /^releases/.*-alpha$/\n");
    }

    [Fact]
    public void Runs_tag_only_pushes_on_no_branch()
    {
        Workflows(G.Push() with { Tags = ["v*"], TagsIgnore = [] }).Should().Contain(
            "          filters:\n            branches:\n              ignore: /.*/\n            tags:\n              only: /^v[^/]*$/\n");
    }

    [Fact]
    public void Keeps_branch_and_tag_filters_together()
    {
        Workflows(G.Push() with { Branches = ["main"], TagsIgnore = ["nightly-*"] }).Should().Contain(
            "          filters:\n            branches:\n              only: main\n            tags:\n              ignore: /^nightly-[^/]*$/\n");
    }

    [Fact]
    public void Lets_pull_requests_build_every_branch_without_a_diagnostic()
    {
        var text = Workflows(G.Push() with { Branches = ["main"] }, G.Event("pull_request") with { Branches = ["main"], Types = ["opened"] });

        text.Should().Contain("      - a\n      - b:\n          requires: [a]\n").And.NotContain("filters");
    }

    [Fact]
    public void Keeps_push_tag_filters_beside_a_pull_request_trigger()
    {
        Workflows(G.Push() with { Tags = ["v*"] }, G.Event("pull_request_target")).Should().Contain(
            "          filters:\n            tags:\n              only: /^v[^/]*$/\n").And.NotContain("branches");
    }

    [Fact]
    public void A_branch_pattern_github_rejects_is_an_error_naming_it_and_why()
    {
        var result = RenderTriggers(G.Push() with { Branches = ["main", "v[1"] });

        result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.RefFilter)
            .Which.Message.Should().Contain("`v[1`, which is no filter pattern: its '[' has no ']'");
    }

    [Fact]
    public void Warns_that_path_filters_are_ignored()
    {
        var result = RenderTriggers(G.Push() with { Branches = ["main"], PathsIgnore = ["docs/**"] }, G.Event("pull_request") with { Paths = ["src/**"] });

        result.Diagnostics.Select(d => (d.Severity, d.Code, d.Workflow)).Should().Equal(
            (Severity.Warning, "circleci.path-filter", "ci"), (Severity.Warning, "circleci.path-filter", "ci"));
        result.Diagnostics[0].Message.Should().StartWith("the path filters of the `push` trigger of workflow `ci` cannot be written in a plain CircleCI config");
        result.Files.Single().Content.Should().NotContain("docs/").And.NotContain("src/");
    }

    [Fact]
    public void Guards_a_scheduled_workflow_with_a_pipeline_parameter_and_says_how_to_schedule_it()
    {
        var schedule = G.Event("schedule") with { Cron = ["30 3 * * *"], Source = G.At(".cigen/workflows/ci.yml", 4, 5) };

        var result = RenderTriggers(schedule);

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Warning, "circleci.trigger",
            "the schedule of workflow `ci` (cron `30 3 * * *`) cannot be written in a CircleCI config; create a scheduled pipeline in the "
            + "CircleCI project settings (Triggers) with that schedule and the pipeline parameter `run_ci: true`",
            ".cigen/workflows/ci.yml", 4, 5, "ci"));
        var text = result.Files.Single().Content;
        Render.Section(text, "parameters:").Should().Be(
            "parameters:\n  run_ci:\n    description: Run the workflow ci (set by its scheduled pipeline or API trigger)\n    type: boolean\n    default: false\n");
        Render.Section(text, "workflows:").Should().Be(
            "workflows:\n  ci:\n    when: << pipeline.parameters.run_ci >>\n    jobs:\n      - a\n      - b:\n          requires: [a]\n");
    }

    [Fact]
    public void Says_how_to_run_a_dispatch_only_workflow_by_hand_and_that_inputs_are_not_passed()
    {
        var dispatch = G.Event("workflow_dispatch") with { Inputs = [new WorkflowInput { Name = "version" }, new WorkflowInput { Name = "dry_run" }] };

        RenderTriggers(dispatch).Diagnostics.Should().ContainSingle().Which.Message.Should().Be(
            "manual runs (workflow_dispatch) of workflow `ci` cannot be written in a CircleCI config; trigger a pipeline from the CircleCI web "
            + "app or API with the pipeline parameter `run_ci: true`; its inputs (version, dry_run) are not passed on — CircleCI jobs get "
            + "values from pipeline parameters or environment variables");
    }

    [Fact]
    public void Warns_about_other_events_and_keeps_the_push_filters_when_the_workflow_also_runs_on_pushes()
    {
        var result = RenderTriggers(G.Push() with { Tags = ["v*"] }, G.Event("workflow_dispatch"), G.Event("release") with { Types = ["published"] });

        result.Diagnostics.Select(d => d.Message).Should().Equal(
            "manual runs (workflow_dispatch) of workflow `ci` cannot be written in a CircleCI config; trigger a pipeline from the CircleCI web "
            + "app or API for a branch or tag the workflow's filters accept",
            "the `release` event of workflow `ci` cannot be written in a CircleCI config; trigger a pipeline through the CircleCI API when it "
            + "happens (e.g. from a webhook) for a branch or tag the workflow's filters accept");
        var text = result.Files.Single().Content;
        text.Should().NotContain("parameters").And.Contain("              only: /^v[^/]*$/\n");
    }

    [Fact]
    public void Reports_a_branch_list_only_and_ignore_cannot_express()
    {
        var push = G.Push() with { Branches = ["main", "!wip/*", "wip/keep"], Source = G.At(".cigen/workflows/ci.yml", 3, 5) };

        RenderTriggers(push).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.ref-filter" && d.Line == 3 && d.Workflow == "ci"
            && d.Message.StartsWith("the branch filter of the push trigger of workflow `ci` lists `wip/keep` after a `!` pattern"));
    }

    /// <summary>
    /// GitHub matches no tag with a list of only <c>!</c> patterns: <c>tags: ['!**']</c> beside a branch filter is a
    /// common way to say "every branch, never a tag" (vuejs/core's ci workflow). CircleCI says it by running for no tag.
    /// </summary>
    [Fact]
    public void Runs_for_no_ref_of_a_kind_whose_list_has_only_exclusions_as_github_does_and_says_so()
    {
        var push = G.Push() with { Branches = ["**"], Tags = ["!**"], Source = G.At(".cigen/workflows/ci.yml", 3, 5) };

        var result = RenderTriggers(push);

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == "circleci.ref-filter" && d.Line == 3
            && d.Message.StartsWith("the tag filter of the push trigger of workflow `ci` has only `!` patterns, which match no tag on GitHub"));
        Render.Section(result.Files.Single().Content, "workflows:").Should().Contain(
            "      - a:\n          filters:\n            branches:\n              only: /^.*$/\n      - b:\n").And.NotContain("tags:");
    }

    [Fact]
    public void Runs_on_no_branch_when_the_branch_list_has_only_exclusions()
    {
        var result = RenderTriggers(G.Push() with { Branches = ["!wip/*"], Tags = ["v*"] });

        result.Diagnostics.Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
        Render.Section(result.Files.Single().Content, "workflows:").Should().Contain(
            "            branches:\n              ignore: /.*/\n            tags:\n              only: /^v[^/]*$/\n");
    }

    [Fact]
    public void Warns_that_permissions_and_concurrency_are_ignored()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("x"))) with
        {
            Permissions = new Permissions { All = "read-all" },
            Concurrency = new Concurrency { Group = "ci" },
        };

        Render.Graph(G.Graph(workflow)).Diagnostics.Select(d => (d.Severity, d.Code, d.Message.Split(' ')[0])).Should().Equal(
            (Severity.Warning, "circleci.ignored", "permissions"), (Severity.Warning, "circleci.ignored", "concurrency"));
    }
}
