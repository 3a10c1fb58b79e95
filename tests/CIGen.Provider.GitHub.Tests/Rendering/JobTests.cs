using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class JobTests
{
    [Fact]
    public void Writes_job_keys_in_canonical_order()
    {
        var build = G.Job("build", G.Run("make"));
        var deploy = G.Job("deploy", G.Run("make deploy")) with
        {
            Name = "Deploy",
            Needs = ["build"],
            If = "github.ref == 'refs/heads/main'",
            Runner = new RunnerSelection { RunsOn = ["self-hosted", "linux", "x64"] },
            Image = "rust:latest",
            TimeoutMinutes = 30,
            Env = G.Env(("TARGET", "prod")),
        };

        Render.From(Render.Jobs(build, deploy), "  deploy:").Should().Be(
            """
              deploy:
                name: Deploy
                needs: build
                if: github.ref == 'refs/heads/main'
                runs-on: [self-hosted, linux, x64]
                container: rust:latest
                timeout-minutes: 30
                env:
                  TARGET: prod
                steps:
                  - uses: actions/checkout@v4
                  - run: make deploy

            """);
    }

    [Fact]
    public void Separates_jobs_by_a_blank_line_and_keeps_their_order()
    {
        var text = Render.Jobs(G.Job("zeta", G.Run("true")), G.Job("alpha", G.Run("true")));

        text.Should().Contain("      - run: 'true'\n\n  alpha:\n").And.Contain("jobs:\n  zeta:\n");
    }

    [Fact]
    public void Writes_several_needs_as_a_list()
    {
        var text = Render.Jobs(G.Job("a", G.Run("true")), G.Job("b", G.Run("true")), G.Job("c", G.Run("true")) with { Needs = ["a", "b"] });

        text.Should().Contain("  c:\n    needs: [a, b]\n");
    }

    [Fact]
    public void Runs_on_ubuntu_latest_by_default_and_a_single_label_as_a_scalar()
    {
        Render.Jobs(G.Job("a", G.Run("true"))).Should().Contain("    runs-on: ubuntu-latest\n");
        Render.Jobs(G.Job("a", G.Run("true")) with { Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04"] } })
            .Should().Contain("    runs-on: ubuntu-24.04\n");
    }

    [Fact]
    public void Warns_that_a_resource_class_alone_is_ignored_and_runs_on_the_default()
    {
        var job = G.Job("a", G.Run("true")) with { Runner = new RunnerSelection { ResourceClass = "large" } };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Files.Single().Content.Should().Contain("    runs-on: ubuntu-latest\n").And.NotContain("large");
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == "github.resource-class-ignored" && d.Job == "a" && d.Workflow == "ci"
            && d.File == ".cigen/workflows/ci/jobs/a.yml" && d.Message.Contains("resource_class 'large'"));
    }

    [Fact]
    public void Ignores_a_resource_class_silently_when_runs_on_is_given_for_GitHub()
    {
        var job = G.Job("a", G.Run("true")) with { Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04"], ResourceClass = "large" } };

        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Writes_a_multi_line_condition_as_a_literal_block_without_final_newline()
    {
        var job = G.Job("a", G.Run("true")) with { If = "always() &&\n  github.event_name == 'push'" };

        Render.Jobs(job).Should().Contain("    if: |-\n      always() &&\n        github.event_name == 'push'\n");
    }

    [Fact]
    public void Reports_a_job_left_without_steps()
    {
        var job = G.Job("empty") with { Checkout = false };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Job == "empty" && d.Message.Contains("no steps"));
    }
}
