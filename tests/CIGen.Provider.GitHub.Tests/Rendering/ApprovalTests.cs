using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary><c>type: approval</c>: a job held by the deployment environment named after it, gating its dependents through needs.</summary>
public class ApprovalTests
{
    [Fact]
    public void Binds_the_gate_to_its_environment_with_one_step_and_no_checkout()
    {
        var text = Render.Jobs(G.Job("build", G.Run("make")), G.Approval("hold") with { Needs = ["build"] }, G.Job("deploy", G.Run("./deploy")) with { Needs = ["hold"] });

        Render.From(text, "  hold:").Should().Be(
            """
              hold:
                needs: build
                runs-on: ubuntu-latest
                environment: hold
                steps:
                  - name: Approval granted
                    run: echo 'Approval granted for environment hold'

              deploy:
                needs: hold
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./deploy

            """);
    }

    [Fact]
    public void Keeps_the_display_name_and_reports_nothing()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Approval("hold") with { Name = "Approve the release" })));

        result.Diagnostics.Should().BeEmpty();
        result.Files.Single().Content.Should().Contain("  hold:\n    name: Approve the release\n    runs-on: ubuntu-latest\n    environment: hold\n");
    }

    [Fact]
    public void Renders_workflows_the_validators_accept()
    {
        var graph = G.Graph(G.Workflow(
            "release",
            G.Job("package", G.Run("make dist")),
            G.Approval("hold") with { Needs = ["package"], Name = "Approve" },
            G.Approval("second_opinion") with { Needs = ["package"] },
            G.Job("publish", G.Run("make publish")) with { Needs = ["package"], RequiresAny = ["hold", "second_opinion"] }));

        var result = Render.Graph(graph);

        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidGitHubWorkflows(result.Files);
    }
}
