using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class TriggerTests
{
    private static (string Text, GenerateResult Result) RenderOn(params Trigger[] triggers)
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("true"))) with { Triggers = triggers }));
        var text = result.Files.Single().Content;
        var on = text[text.IndexOf("on:\n", StringComparison.Ordinal)..text.IndexOf("\njobs:", StringComparison.Ordinal)];
        return (on, result);
    }

    [Fact]
    public void Writes_an_event_without_filters_as_a_bare_key()
    {
        RenderOn(G.Push(), G.Event("workflow_dispatch")).Text.Should().Be("on:\n  push:\n  workflow_dispatch:\n");
    }

    [Fact]
    public void Writes_every_filter_in_the_order_of_GitHubs_docs()
    {
        var push = G.Push() with
        {
            Branches = ["main", "releases/**"],
            BranchesIgnore = ["wip/*"],
            Tags = ["v*"],
            TagsIgnore = ["v0.*"],
            Paths = ["src/**", "!src/docs/**"],
            PathsIgnore = ["*.md"],
        };
        var pullRequest = G.Event("pull_request") with { Types = ["opened", "synchronize"], Branches = ["main"] };

        RenderOn(push, pullRequest).Text.Should().Be(
            """
            on:
              push:
                branches: [main, releases/**]
                branches-ignore: [wip/*]
                tags: [v*]
                tags-ignore: [v0.*]
                paths: [src/**, '!src/docs/**']
                paths-ignore: ['*.md']
              pull_request:
                types: [opened, synchronize]
                branches: [main]

            """);
    }

    [Fact]
    public void Writes_long_filter_lists_one_item_per_line()
    {
        // 137 characters as [a, b, ...]: past the 132 a one-line list may take.
        var push = G.Push() with
        {
            Paths = ["src/very/long/path/one/**", "src/very/long/path/two/**", "src/very/long/path/three/**", "src/very/long/path/four/**", "src/five/**", "docs/six/**"],
        };

        RenderOn(push).Text.Should().Be(
            "on:\n  push:\n    paths:\n      - src/very/long/path/one/**\n      - src/very/long/path/two/**\n"
            + "      - src/very/long/path/three/**\n      - src/very/long/path/four/**\n      - src/five/**\n      - docs/six/**\n");
    }

    [Fact]
    public void Writes_the_workflows_of_a_workflow_run_trigger_first()
    {
        var run = G.Event("workflow_run") with { Workflows = ["CI", "Nightly build"], Types = ["completed"], Branches = ["main"] };

        RenderOn(run).Text.Should().Be(
            "on:\n  workflow_run:\n    workflows: [CI, Nightly build]\n    types: [completed]\n    branches: [main]\n");
    }

    [Fact]
    public void Writes_schedules_as_a_list_of_crons()
    {
        var schedule = G.Event("schedule") with { Cron = ["0 3 * * 1", "*/30 5,17 * * *"] };

        RenderOn(schedule).Text.Should().Be("on:\n  schedule:\n    - cron: 0 3 * * 1\n    - cron: '*/30 5,17 * * *'\n");
    }

    [Fact]
    public void Writes_workflow_dispatch_inputs_with_all_their_settings()
    {
        var dispatch = G.Event("workflow_dispatch") with
        {
            Inputs =
            [
                new WorkflowInput { Name = "environment", Description = "Where to deploy", Required = true, Default = "staging", Type = "choice", Options = ["staging", "production"] },
                new WorkflowInput { Name = "dry_run", Type = "boolean", Default = Scalar.Boolean(false) },
                new WorkflowInput { Name = "version", Default = "1.10" },
            ],
        };

        RenderOn(dispatch).Text.Should().Be(
            """
            on:
              workflow_dispatch:
                inputs:
                  environment:
                    description: Where to deploy
                    required: true
                    default: staging
                    type: choice
                    options:
                      - staging
                      - production
                  dry_run:
                    default: false
                    type: boolean
                  version:
                    default: '1.10'

            """);
    }

    [Fact]
    public void A_repeated_event_breaks_the_graph_guarantee_instead_of_writing_a_duplicate_key()
    {
        FluentActions.Invoking(() => RenderOn(G.Push(), G.Push())).Should().Throw<InvalidGraphException>()
            .WithMessage("*each event appears once per workflow, but 'push' appears twice (at .cigen/workflows/ci.yml:2:3)*");
    }
}
