using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// <c>requires_any</c>: the job needs every dependency, and its condition says which results let it run, because GitHub
/// would otherwise skip it as soon as one alternative was skipped or failed.
/// </summary>
public class RequiresAnyTests
{
    private static Job Deploy(params string[] any) => G.Job("deploy", G.Run("./deploy")) with { RequiresAny = any };

    [Fact]
    public void Needs_every_alternative_and_runs_when_one_succeeded()
    {
        var text = Render.Jobs(G.Job("staging", G.Run("x")), G.Job("canary", G.Run("x")), Deploy("staging", "canary"));

        Render.From(text, "  deploy:").Should().StartWith(
            """
              deploy:
                needs: [staging, canary]
                if: "!cancelled() && (needs.staging.result == 'success' || needs.canary.result == 'success')"
                runs-on: ubuntu-latest

            """);
    }

    [Fact]
    public void Adds_each_required_job_to_the_condition_and_lists_needs_once()
    {
        var job = Deploy("staging", "build") with { Needs = ["build", "lint"] };

        var text = Render.Jobs(G.Job("build", G.Run("x")), G.Job("lint", G.Run("x")), G.Job("staging", G.Run("x")), job);

        Render.From(text, "  deploy:").Should().StartWith(
            """
              deploy:
                needs: [build, lint, staging]
                if: "!cancelled() && needs.build.result == 'success' && needs.lint.result == 'success' && (needs.staging.result == 'success' || needs.build.result == 'success')"

            """);
    }

    [Fact]
    public void Writes_one_alternative_without_parentheses()
    {
        var text = Render.Jobs(G.Job("staging", G.Run("x")), Deploy("staging"));

        text.Should().Contain("    needs: staging\n    if: \"!cancelled() && needs.staging.result == 'success'\"\n");
    }

    [Fact]
    public void Ands_the_users_condition_in_parentheses_without_its_expression_braces()
    {
        var job = Deploy("staging", "canary") with { If = "${{ github.ref == 'refs/heads/main' || github.event_name == 'workflow_dispatch' }}" };

        var text = Render.Jobs(G.Job("staging", G.Run("x")), G.Job("canary", G.Run("x")), job);

        text.Should().Contain(
            "    if: \"!cancelled() && (needs.staging.result == 'success' || needs.canary.result == 'success') && "
            + "(github.ref == 'refs/heads/main' || github.event_name == 'workflow_dispatch')\"\n");
    }

    [Fact]
    public void Keeps_the_users_condition_as_written_without_requires_any()
    {
        var text = Render.Jobs(G.Job("build", G.Run("x")), G.Job("deploy", G.Run("./deploy")) with { Needs = ["build"], If = "${{ github.ref == 'refs/heads/main' }}" });

        text.Should().Contain("    needs: build\n    if: ${{ github.ref == 'refs/heads/main' }}\n");
    }

    [Fact]
    public void Renders_workflows_the_validators_accept()
    {
        var graph = G.Graph(G.Workflow(
            "ci",
            G.Job("build", G.Run("make")),
            G.Job("lint", G.Run("make lint")),
            G.Job("staging", G.Run("./staging")),
            G.Job("canary", G.Run("./canary")) with { Needs = ["build"] },
            Deploy("staging", "canary") with { Needs = ["build", "lint"], If = "${{ github.ref == 'refs/heads/main' }}" },
            G.Job("notify", G.Run("./notify")) with { RequiresAny = ["deploy", "lint"] }));

        var result = Render.Graph(graph);

        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidGitHubWorkflows(result.Files);
    }
}
