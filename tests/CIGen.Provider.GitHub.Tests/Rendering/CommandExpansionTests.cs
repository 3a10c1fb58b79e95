using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class CommandExpansionTests
{
    private static GenerateResult RenderWith(Command[] commands, params Step[] steps) =>
        Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", steps) with { Checkout = false })) with { Commands = commands });

    private static string StepsOf(GenerateResult result)
    {
        result.Diagnostics.Should().BeEmpty();
        return Render.Steps(result.Files.Single().Content);
    }

    [Fact]
    public void Expands_a_command_in_place()
    {
        var install = G.Command("install", G.Run("bundle install", "Install gems"), G.Run("yarn install"));

        StepsOf(RenderWith([install], G.Run("before"), G.UseCommand("install"), G.Run("after"))).Should().Be(
            """
                steps:
                  - run: before
                  - name: Install gems
                    run: bundle install
                  - run: yarn install
                  - run: after

            """);
    }

    [Fact]
    public void Combines_the_command_steps_condition_with_each_inner_condition()
    {
        var notify = G.Command("notify", G.Run("echo start") with { If = "${{ env.SLACK != '' }}" }, G.Run("echo done"));
        var use = G.UseCommand("notify") with { If = "${{ failure() }}" };

        StepsOf(RenderWith([notify], use)).Should().Be(
            """
                steps:
                  - if: (failure()) && (env.SLACK != '')
                    run: echo start
                  - if: ${{ failure() }}
                    run: echo done

            """);
    }

    [Fact]
    public void Lets_the_command_steps_env_override_the_commands_env_and_keeps_the_rest()
    {
        var deploy = G.Command("deploy", G.Run("./deploy") with { Env = G.Env(("TARGET", "staging"), ("VERBOSE", "1")) });
        var use = G.UseCommand("deploy") with { Env = G.Env(("TARGET", "production"), ("REGION", "eu")) };

        StepsOf(RenderWith([deploy], use)).Should().Be(
            """
                steps:
                  - env:
                      TARGET: production
                      VERBOSE: '1'
                      REGION: eu
                    run: ./deploy

            """);
    }

    [Fact]
    public void Gives_the_command_steps_name_to_inner_steps_without_one()
    {
        var setup = G.Command("setup", G.Run("a", "Own name"), G.Run("b"));

        StepsOf(RenderWith([setup], G.UseCommand("setup") with { Name = "Set up" })).Should().Be(
            "    steps:\n      - name: Own name\n        run: a\n      - name: Set up\n        run: b\n");
    }

    [Fact]
    public void Gives_the_command_steps_id_to_a_single_inner_step()
    {
        var version = G.Command("version", G.Run("echo \"v=1\" >> \"$GITHUB_OUTPUT\""));

        StepsOf(RenderWith([version], G.UseCommand("version") with { Id = "ver" })).Should().Contain("      - id: ver\n");
    }

    [Fact]
    public void Reports_an_id_on_a_command_step_with_several_inner_steps()
    {
        var two = G.Command("two", G.Run("a"), G.Run("b"));

        var result = RenderWith([two], G.UseCommand("two") with { Id = "x" });

        result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Message.StartsWith("id 'x' on command step 'two'")
            && d.Line == 8 && d.Column == 5 && d.Job == "a");
    }

    [Fact]
    public void Expands_commands_used_by_commands()
    {
        var inner = G.Command("inner", G.Run("echo inner"));
        var outer = G.Command("outer", G.Run("echo outer"), G.UseCommand("inner") with { If = "success()" });

        StepsOf(RenderWith([outer, inner], G.UseCommand("outer"))).Should().Be(
            "    steps:\n      - run: echo outer\n      - if: success()\n        run: echo inner\n");
    }

    [Fact]
    public void Counts_a_checkout_inside_a_command_as_the_jobs_checkout()
    {
        var prepare = G.Command("prepare", G.Checkout(), G.Run("make deps"));
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.UseCommand("prepare")))) with { Commands = [prepare] });

        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - uses: actions/checkout@v4\n      - run: make deps\n");
    }

    [Fact]
    public void A_missing_or_self_using_command_breaks_the_graph_guarantee_instead_of_crashing()
    {
        var a = G.Command("a", G.UseCommand("b"));
        var b = G.Command("b", G.UseCommand("a"));

        FluentActions.Invoking(() => RenderWith([a, b], G.UseCommand("a"))).Should().Throw<InvalidGraphException>()
            .WithMessage("the graph breaks the host's guarantee that commands do not use themselves, but a → b → a (at *); this is a bug in the host, not in the config");
        FluentActions.Invoking(() => RenderWith([], G.UseCommand("missing"))).Should().Throw<InvalidGraphException>()
            .WithMessage("*every command step names a command of the graph, but 'missing' is none (at .cigen/workflows/ci/jobs/test.yml:8:5)*");
    }
}
