using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>A job's package and cache setup moves into a local composite action when it means the same there.</summary>
public class JobSetupActionsTests
{
    private const string Action = ".github/actions/cigen-ruby-node";

    [Fact]
    public void Jobs_whose_setup_renders_alike_call_one_action_which_saves_their_caches_at_the_end()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", CachingSample.Test() with { Id = "a" }, CachingSample.Test() with { Id = "b" })));

        result.Diagnostics.Should().BeEmpty();
        result.Files.Select(f => f.Path).Where(p => p.StartsWith(".github/actions/cigen-", StringComparison.Ordinal)).Should().Equal(Action + "/action.yml");
        var workflow = new WorkflowReadBack(Render.Workflows(result).Single().Content);
        foreach (var job in new[] { "a", "b" })
        {
            var steps = Steps(workflow.Job(job));
            steps.Select(s => Text(s, "uses") ?? Text(s, "name")).Should().Equal(
                "actions/checkout@v4", "./" + Action, "Test");
        }

        var action = result.Files.Single(f => f.Path == Action + "/action.yml").Content;
        action.Should().Contain("uses: actions/cache@v4").And.NotContain("actions/cache/restore").And.NotContain("actions/cache/save");
        action.Should().Contain("restores its caches and installs its dependencies").And.Contain("run: pnpm install --frozen-lockfile");
        Validators.AssertValidGitHubWorkflows(result.Files);
    }

    [Fact]
    public void A_setup_under_a_condition_stays_in_the_job()
    {
        var test = CachingSample.Test();
        var conditional = test with { Steps = [.. test.Steps.Select(s => s.Kind == StepKind.SetupPackage ? s with { If = "runner.os == 'Linux'" } : s)] };

        var result = Render.Graph(G.Graph(G.Workflow("ci", conditional)));

        result.Files.Should().NotContain(f => f.Path.StartsWith(".github/actions/cigen-", StringComparison.Ordinal));
        var steps = Steps(new WorkflowReadBack(Render.Workflows(result).Single().Content).Job("test"));
        steps.Select(s => Text(s, "name")).Should().Contain(["Set up Ruby", "Restore gems cache", "Save gems cache"]);
    }

    [Fact]
    public void An_install_under_a_condition_stays_in_the_job_after_the_call_of_the_setup()
    {
        var test = CachingSample.Test();
        var conditional = test with { Steps = [.. test.Steps.Select(s => s.Name == "Install gems" ? s with { If = "runner.os == 'Linux'" } : s)] };

        var result = Render.Graph(G.Graph(G.Workflow("ci", conditional)));

        var steps = Steps(new WorkflowReadBack(Render.Workflows(result).Single().Content).Job("test"));
        steps.Select(s => Text(s, "uses") ?? Text(s, "name")).Should().Equal(
            "actions/checkout@v4", "./" + Action, "Install gems", "Install pnpm dependencies", "Test");
        result.Files.Single(f => f.Path == Action + "/action.yml").Content.Should().Contain("and restores its caches;").And.NotContain("pnpm install");
    }

    [Fact]
    public void A_users_run_right_after_the_setup_stays_in_the_job()
    {
        var test = CachingSample.Test();
        var plain = test with { Steps = [.. test.Steps.Select(s => s is RunStep { Name: "Install gems" } run ? run with { Package = null } : s)] };

        var result = Render.Graph(G.Graph(G.Workflow("ci", plain)));

        var steps = Steps(new WorkflowReadBack(Render.Workflows(result).Single().Content).Job("test"));
        steps.Select(s => Text(s, "uses") ?? Text(s, "name")).Should().Equal(
            "actions/checkout@v4", "./" + Action, "Install gems", "Install pnpm dependencies", "Test");
    }
}
