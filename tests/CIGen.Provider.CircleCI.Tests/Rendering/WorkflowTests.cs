using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class WorkflowTests
{
    private static Workflow OnMain(string id, params Job[] jobs) => G.Workflow(id, jobs) with { Triggers = [G.Event("pull_request")] };

    [Fact]
    public void Lays_out_sections_in_canonical_order_with_blank_lines_between_sections_and_entries()
    {
        var graph = G.Graph(
            OnMain("ci", G.Job("build", G.UseCommand("setup"), G.Run("make")), G.Job("test", G.Run("make test")) with { Needs = ["build"] }),
            G.Workflow("nightly", G.Job("audit", G.Run("make audit"))) with { Triggers = [G.Event("schedule") with { Cron = ["0 3 * * *"] }] })
            with { Commands = [G.Command("setup", G.Run("make deps"))] };

        Render.Graph(graph).Files.Single().Content.Should().Be(
            """
            version: 2.1

            parameters:
              run_nightly:
                description: Run the workflow nightly (set by its scheduled pipeline or API trigger)
                type: boolean
                default: false

            commands:
              setup:
                steps:
                  - run: make deps

            jobs:
              build:
                docker:
                  - image: cimg/base:current
                steps:
                  - setup
                  - run: make

              test:
                docker:
                  - image: cimg/base:current
                steps:
                  - run: make test

              audit:
                docker:
                  - image: cimg/base:current
                steps:
                  - run: make audit

            workflows:
              ci:
                jobs:
                  - build
                  - test:
                      requires: [build]

              nightly:
                when: << pipeline.parameters.run_nightly >>
                jobs:
                  - audit

            """);
    }

    [Fact]
    public void Lists_requirements_in_the_order_written_one_per_line_when_long()
    {
        string[] ids = ["compile_server_release", "compile_web_bundle_release", "run_database_migrations", "publish_container_images", "upload_release_artifacts", "lint"];
        var jobs = ids.Select(id => G.Job(id, G.Run("x"))).ToList();
        // 135 characters as [a, b, ...]: past the 132 a one-line list may take.
        var deploy = G.Job("deploy", G.Run("x")) with
        {
            Needs = ["run_database_migrations", "compile_server_release", "compile_web_bundle_release", "publish_container_images", "upload_release_artifacts", "lint"],
        };

        Render.Section(Render.Config(G.Graph(OnMain("ci", [.. jobs, deploy]))), "      - deploy:").Should().Be(
            "      - deploy:\n          requires:\n            - run_database_migrations\n            - compile_server_release\n"
            + "            - compile_web_bundle_release\n            - publish_container_images\n            - upload_release_artifacts\n            - lint\n");
    }

    [Fact]
    public void Gives_every_build_job_the_circleci_contexts_but_not_approval_jobs()
    {
        var graph = G.Graph(OnMain("ci", G.Job("build", G.Run("x")), G.Approval("hold") with { Needs = ["build"] }, G.Job("deploy", G.Run("y")) with { Needs = ["hold"] }))
            with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["org-global", "deploy-keys"] }) };

        Render.Section(Render.Config(graph), "workflows:").Should().Be(
            """
            workflows:
              ci:
                jobs:
                  - build:
                      context: [org-global, deploy-keys]
                  - hold:
                      type: approval
                      requires: [build]
                  - deploy:
                      requires: [hold]
                      context: [org-global, deploy-keys]

            """);
    }

    [Fact]
    public void A_requirement_outside_the_workflow_breaks_the_graph_guarantee()
    {
        FluentActions.Invoking(() => Render.Graph(G.Graph(OnMain("ci", G.Job("a", G.Run("x")) with { Needs = ["ghost"] }))))
            .Should().Throw<CIGen.Provider.Sdk.InvalidGraphException>().WithMessage("*'ghost' is no job of workflow 'ci'*");
    }
}
