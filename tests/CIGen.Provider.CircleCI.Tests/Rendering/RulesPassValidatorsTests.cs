using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// What each rendering rule produces must also be a valid CircleCI config: the shapes of the rule tests, rendered
/// together and checked in one batch by CircleCI's schema, the semantic checks and shellcheck.
/// </summary>
public class RulesPassValidatorsTests
{
    [Fact]
    public void Every_rule_renders_a_config_the_validators_accept()
    {
        var commands = new[]
        {
            G.Command("inner", G.Run("echo inner")),
            G.Command("outer", G.UseCommand("inner"), G.Run("echo outer") with { If = "always()" }, G.RestoreCache("deps-{{ checksum \"lock\" }}", "deps-")) with { Description = "Wraps: inner." },
            G.Command("github_only"),
        };

        Workflow With(string id, Trigger[] triggers, params Job[] jobs) => G.Workflow(id, jobs) with { Triggers = triggers };

        var steps = G.Job(
            "steps",
            G.Checkout(),
            G.UseCommand("outer"),
            G.UseCommand("github_only"),
            G.Run("cargo test --all-features\n", "Run tests") with
            {
                If = "failure()",
                Env = G.Env(("RUST_LOG", "debug"), ("THREADS", Scalar.Number("4")), ("STRICT", Scalar.Boolean(true)), ("PY", "3.10"), ("FLAG", "on")),
                Shell = "bash",
                WorkingDirectory = "crates/core",
            },
            G.Run("set -eu\nif [ -n \"${TOKEN:-}\" ]; then\n  echo \"has token\"\nfi\n") with { Shell = "sh", If = "${{ always() }}" },
            G.Run("print('hi')") with { Shell = "python3 {0}" },
            G.SaveCache("deps-{{ checksum \"lock\" }}", "vendor", "~/.cache") with { Name = "Save", If = "failure()" }) with
        {
            Image = "rust:1.83",
            Runner = new RunnerSelection { ResourceClass = "large" },
            Env = G.Env(("MODE", "ci")),
        };

        var graph = G.Graph(
            With("pushes", [G.Push()], steps, G.Approval("hold") with { Needs = ["steps"] }, G.Job("after", G.Run("true")) with { Needs = ["hold", "steps"] }),
            With("branches", [G.Push() with { Branches = ["main", "release/**", "!release/**-rc"] }], G.Job("build", G.Run("make"))),
            With("tags", [G.Push() with { Tags = ["v[0-9]*"], TagsIgnore = [] }], G.Job("build", G.Run("make dist")), G.Job("publish", G.Run("make publish")) with { Needs = ["build"] }),
            With("ignored", [G.Push() with { BranchesIgnore = ["gh-pages"], TagsIgnore = ["nightly-*"] }, G.Event("pull_request")], G.Job("lint", G.Run("make lint"))),
            With("nightly", [G.Event("schedule") with { Cron = ["0 3 * * *"] }, G.Event("workflow_dispatch")], G.Job("lint", G.Run("make lint"))))
            with
            {
                Commands = commands,
                ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["org-global"] }),
            };

        var result = Render.Graph(graph);

        result.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        result.Files.Single().Content.Should().Contain("  branches_build:").And.Contain("  tags_build:").And.Contain("  lint:");
        Validators.AssertValidCircleCiConfigs(result.Files);
    }
}
