using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// What each rendering rule produces must also be valid GitHub Actions: the shapes of the rule tests, rendered together
/// and checked in one batch by actionlint, GitHub's parser and shellcheck.
/// </summary>
public class RulesPassValidatorsTests
{
    [Fact]
    public void Every_rule_renders_a_workflow_the_validators_accept()
    {
        var notify = G.Command("notify", G.Run("echo start") with { If = "${{ github.event_name != 'schedule' }}" }, G.Run("echo finished", "Done"));
        var deploy = G.Command("deploy", G.Run("./deploy") with { Env = G.Env(("TARGET", "staging")) }, G.Uses("actions/upload-artifact@v4") with { With = G.Env(("name", "out"), ("path", "out/")) });

        var triggers = G.Workflow("triggers", G.Job("a", G.Run("true"))) with
        {
            Triggers =
            [
                G.Push() with { Branches = ["main", "releases/**"], BranchesIgnore = [], Tags = ["v*"], Paths = ["src/**", "!src/docs/**"], PathsIgnore = [] },
                G.Event("pull_request") with { Types = ["opened", "synchronize"], BranchesIgnore = ["wip/*"], PathsIgnore = ["*.md"] },
                G.Event("schedule") with { Cron = ["0 3 * * 1", "*/30 5,17 * * *"] },
                G.Event("workflow_dispatch") with
                {
                    Inputs =
                    [
                        new WorkflowInput { Name = "environment", Description = "Where to deploy", Required = true, Default = "staging", Type = "choice", Options = ["staging", "production"] },
                        new WorkflowInput { Name = "dry_run", Description = "Dry run", Type = "boolean", Default = Scalar.Boolean(false) },
                        new WorkflowInput { Name = "version", Description = "Version", Default = "1.10" },
                    ],
                },
                G.Event("release") with { Types = ["published"] },
                G.Event("workflow_run") with { Workflows = ["CI"], Types = ["completed"], Branches = ["main"] },
            ],
            Permissions = new Permissions { All = "read-all" },
            Concurrency = new Concurrency { Group = "deploy", CancelInProgress = "${{ github.ref != 'refs/heads/main' }}" },
            Env = G.Env(("RETRIES", Scalar.Number("3")), ("PYTHON", "3.10"), ("DEBUG", Scalar.Boolean(false)), ("FLAG", "on")),
        };

        var jobs = G.Workflow(
            "jobs",
            G.Job("build", G.Run("make")) with { Runner = new RunnerSelection { ResourceClass = "large" } },
            G.Job("deploy", G.Run("make deploy")) with
            {
                Name = "Deploy: production",
                Needs = ["build"],
                If = "always() &&\n  github.event_name == 'push'",
                Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04", "linux"] },
                Image = "rust:latest",
                TimeoutMinutes = 30,
                Env = G.Env(("TARGET", "prod")),
                Matrix = [new MatrixDimension("ruby", ["3.2"])],
                Services = [new Service { Name = "db", Image = "postgres:16", Source = G.At("x.yml") }],
            },
            G.Job("steps", G.Run("prepare"), G.Checkout() with { Name = "Fetch" },
                G.Run("cargo test --all-features\n", "Run tests") with
                {
                    Id = "tests",
                    If = "failure()",
                    Env = G.Env(("RUST_LOG", "debug"), ("THREADS", Scalar.Number("4"))),
                    Shell = "bash",
                    WorkingDirectory = "crates/core",
                },
                G.Uses("actions/setup-python@v5") with { Name = "Python", Id = "python", If = "runner.os == 'Linux'", With = G.Env(("python-version", "3.10"), ("check-latest", Scalar.Boolean(true))), Env = G.Env(("PIP_NO_INPUT", "1")) },
                G.Run("set -euo pipefail\nif [ -n \"${TOKEN:-}\" ]; then\n  echo \"has token\"\nfi\n") with { Env = G.Env(("TOKEN", "${{ secrets.TOKEN }}")) },
                new SaveCacheStep { Key = "k", Paths = ["p"], Source = G.At("x.yml") },
                G.UseCommand("notify") with { If = "${{ failure() }}", Name = "Notify" },
                G.UseCommand("deploy") with { Env = G.Env(("TARGET", "production")) }) with { Needs = ["build"] },
            G.Job("no_checkout", G.Run("echo \"$GITHUB_SHA\"")) with { Checkout = false, Needs = ["build", "deploy", "steps"] });

        var result = Render.Graph(G.Graph(triggers, jobs) with { Commands = [notify, deploy] });

        result.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        Validators.AssertValidGitHubWorkflows(result.Files);
    }
}
