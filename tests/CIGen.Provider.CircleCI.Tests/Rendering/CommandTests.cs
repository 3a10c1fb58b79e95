using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class CommandTests
{
    private static Graph WithCommands(Workflow workflow, params Command[] commands) => G.Graph(workflow) with { Commands = commands };

    [Fact]
    public void Writes_used_commands_under_commands_and_uses_them_by_name()
    {
        var setup = G.Command("setup", G.Run("npm ci", "Install"), G.Run("npm run prepare") with { If = "always()" }) with { Description = "Install dependencies." };

        var text = Render.Config(WithCommands(G.Workflow("ci", G.Job("a", G.Checkout(), G.UseCommand("setup"), G.Run("npm test"))), setup));

        text.Should().StartWith(
            """
            version: 2.1

            commands:
              setup:
                description: Install dependencies.
                steps:
                  - run:
                      name: Install
                      command: npm ci
                  - run:
                      when: always
                      command: npm run prepare

            jobs:
            """);
        Render.Steps(text).Should().Be("    steps:\n      - checkout\n      - setup\n      - run: npm test\n");
    }

    [Fact]
    public void Writes_commands_in_graph_order_with_a_blank_line_between_them_and_commands_used_by_commands()
    {
        var graph = WithCommands(
            G.Workflow("ci", G.Job("a", G.UseCommand("outer"))),
            G.Command("unused", G.Run("never")),
            G.Command("inner", G.Run("echo inner")),
            G.Command("outer", G.UseCommand("inner"), G.Run("echo outer")));

        Render.Section(Render.Config(graph), "commands:").Should().Be(
            """
            commands:
              inner:
                steps:
                  - run: echo inner

              outer:
                steps:
                  - inner
                  - run: echo outer

            """);
    }

    [Fact]
    public void Leaves_out_a_command_that_only_left_empty_and_every_use_of_it()
    {
        var graph = WithCommands(
            G.Workflow("ci", G.Job("a", G.UseCommand("github_only"), G.UseCommand("wrapper"), G.Run("make"))),
            G.Command("github_only"),
            G.Command("wrapper", G.UseCommand("github_only")));

        var result = Render.Graph(graph);

        result.Diagnostics.Should().BeEmpty();
        result.Files.Single().Content.Should().NotContain("commands:").And.NotContain("github_only").And.NotContain("wrapper");
        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - run: make\n");
    }

    [Fact]
    public void Reports_a_uses_step_inside_a_command_once_naming_the_command_and_the_jobs_using_it()
    {
        var setup = G.Command("setup_node", G.Uses("actions/setup-node@v4") with { Source = G.At(".cigen/commands/setup_node.yml", 2, 5) });
        var graph = WithCommands(G.Workflow("ci", G.Job("lint", G.UseCommand("setup_node")), G.Job("test", G.UseCommand("setup_node"))), setup);

        Render.Graph(graph).Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error,
            "circleci.uses-step",
            "command `setup_node` (used by ci/lint, ci/test) has the GitHub Actions step `uses: actions/setup-node@v4`, which cannot run "
            + "on CircleCI; limit it with `only: github-actions` or replace it with a run step",
            ".cigen/commands/setup_node.yml", 2, 5));
    }

    [Fact]
    public void Warns_that_a_name_on_a_command_step_is_ignored()
    {
        var graph = WithCommands(G.Workflow("ci", G.Job("a", G.UseCommand("build") with { Name = "Build it" })), G.Command("build", G.Run("make")));

        var result = Render.Graph(graph);

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == "circleci.ignored" && d.Job == "a"
            && d.Message.StartsWith("step 'Build it' of job `a` of workflow `ci` names its use of command `build`"));
        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - build\n");
    }

    [Fact]
    public void Reports_settings_a_bare_command_reference_cannot_carry_as_errors()
    {
        var use = G.UseCommand("build") with { Env = G.Env(("TARGET", "prod")) };

        var diagnostic = Render.Graph(WithCommands(G.Workflow("ci", G.Job("a", use)), G.Command("build", G.Run("make")))).Diagnostics.Single();

        diagnostic.Severity.Should().Be(Severity.Error);
        diagnostic.Code.Should().Be("circleci.command-step-setting");
        diagnostic.Message.Should().StartWith("step 1 of job `a` of workflow `ci` sets `env` on its use of command `build`");
    }

    [Theory]
    [InlineData("failure()")]
    [InlineData("always()")]
    public void Reports_a_status_condition_on_a_command_step_as_an_error(string condition)
    {
        var use = G.UseCommand("notify") with { If = condition };

        Render.Graph(WithCommands(G.Workflow("ci", G.Job("a", use)), G.Command("notify", G.Run("notify")))).Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Severity == Severity.Error && d.Code == "circleci.step-condition" && d.Message.Contains("put the condition"));
    }

    [Fact]
    public void Reports_a_github_only_condition_on_a_command_step_as_one_circleci_cannot_express()
    {
        var use = G.UseCommand("notify") with { If = "github.ref == 'refs/heads/main'" };

        Render.Graph(WithCommands(G.Workflow("ci", G.Job("a", use)), G.Command("notify", G.Run("notify")))).Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Severity == Severity.Error && d.Code == "circleci.step-condition"
                && d.Message.Contains("`github.ref` is GitHub-only") && !d.Message.Contains("put the condition"));
    }

    [Fact]
    public void A_ref_condition_on_a_command_step_becomes_a_when_step_around_the_use()
    {
        var use = G.UseCommand("notify") with { If = "branch == 'main'" };

        Render.Steps(Render.Config(WithCommands(G.Workflow("ci", G.Job("a", use)), G.Command("notify", G.Run("notify"))))).Should().Be(
            "    steps:\n      - when:\n          condition:\n            equal: [main, << pipeline.git.branch >>]\n          steps:\n            - notify\n");
    }

    [Fact]
    public void Accepts_success_on_a_command_step()
    {
        var use = G.UseCommand("notify") with { If = "${{ success() }}" };

        Render.Graph(WithCommands(G.Workflow("ci", G.Job("a", use)), G.Command("notify", G.Run("notify")))).Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("setupNode", "which CircleCI rejects: command names start with a lowercase letter and hold only lowercase letters, digits, `_` and `-`")]
    [InlineData("_setup", "which CircleCI rejects: command names start with a lowercase letter and hold only lowercase letters, digits, `_` and `-`")]
    [InlineData("store_artifacts", "which is the name of a CircleCI built-in step")]
    public void Reports_command_names_circleci_rejects(string name, string why)
    {
        var graph = WithCommands(G.Workflow("ci", G.Job("a", G.UseCommand(name))), G.Command(name, G.Run("x")));

        Render.Graph(graph).Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error, "circleci.invalid-name", $"command `{name}` (used by ci/a) has the name `{name}`, {why}; rename the command", $".cigen/commands/{name}.yml", 1, 1));
    }

    [Fact]
    public void A_missing_or_self_using_command_breaks_the_graph_guarantee()
    {
        FluentActions.Invoking(() => Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.UseCommand("nope"))))))
            .Should().Throw<InvalidGraphException>().WithMessage("*'nope' is none*");
        FluentActions.Invoking(() => Render.Graph(WithCommands(G.Workflow("ci", G.Job("a", G.UseCommand("loop"))), G.Command("loop", G.UseCommand("loop")))))
            .Should().Throw<InvalidGraphException>().WithMessage("*loop → loop*");
    }
}
