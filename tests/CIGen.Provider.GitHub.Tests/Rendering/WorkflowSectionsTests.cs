using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class WorkflowSectionsTests
{
    [Fact]
    public void Writes_a_minimal_workflow_with_sections_separated_by_blank_lines()
    {
        var text = Render.Jobs(G.Job("test", G.Run("make test")));

        text.Should().Be(
            """
            name: ci

            on:
              push:

            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make test

            """);
    }

    [Fact]
    public void Uses_the_workflow_name_when_given()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("true"))) with { Name = "Continuous integration" };

        Render.Single(G.Graph(workflow)).Should().StartWith("name: Continuous integration\n\non:\n");
    }

    [Fact]
    public void Writes_permissions_concurrency_and_env_in_that_order_between_on_and_jobs()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("true"))) with
        {
            Permissions = new Permissions { Scopes = new() { ["contents"] = "read", ["id-token"] = "write" } },
            Concurrency = new Concurrency { Group = "ci-${{ github.ref }}", CancelInProgress = Scalar.Boolean(true) },
            Env = G.Env(("CARGO_TERM_COLOR", "always"), ("RETRIES", Scalar.Number("3")), ("PYTHON", "3.10"), ("DEBUG", Scalar.Boolean(false))),
        };

        var text = Render.Single(G.Graph(workflow));

        text.Should().Contain(
            """
            on:
              push:

            permissions:
              contents: read
              id-token: write

            concurrency:
              group: ci-${{ github.ref }}
              cancel-in-progress: true

            env:
              CARGO_TERM_COLOR: always
              RETRIES: 3
              PYTHON: '3.10'
              DEBUG: false

            jobs:
            """);
    }

    [Theory]
    [InlineData("read-all", "permissions: read-all\n")]
    [InlineData("write-all", "permissions: write-all\n")]
    public void Writes_one_level_for_all_permissions(string level, string expected)
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("true"))) with { Permissions = new Permissions { All = level } };

        Render.Single(G.Graph(workflow)).Should().Contain("\n\n" + expected + "\n");
    }

    [Fact]
    public void Writes_empty_permissions_as_an_empty_mapping_meaning_none()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("true"))) with { Permissions = new Permissions() };

        Render.Single(G.Graph(workflow)).Should().Contain("\npermissions: {}\n");
    }

    [Fact]
    public void Writes_cancel_in_progress_given_as_an_expression_plain()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("true"))) with
        {
            Concurrency = new Concurrency { Group = "deploy", CancelInProgress = "${{ github.ref != 'refs/heads/main' }}" },
        };

        Render.Single(G.Graph(workflow)).Should().Contain(
            "concurrency:\n  group: deploy\n  cancel-in-progress: ${{ github.ref != 'refs/heads/main' }}\n");
    }
}
