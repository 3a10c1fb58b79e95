using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary><c>${{ matrix.X }}</c> in a command's steps: a string parameter of the command, passed by every use.</summary>
public class CommandMatrixParameterTests
{
    private static Job Test(params Step[] steps) => G.Job("test", steps) with
    {
        Matrix = [],
        MatrixLegs = [MatrixSample.Leg("3_2", ("ruby", "3.2"), ("os", "linux")), MatrixSample.Leg("3_3", ("ruby", "3.3"), ("os", "linux"))],
    };

    private static Graph WithCommands(Job[] jobs, params Command[] commands) => G.Graph(G.Workflow("ci", jobs)) with { Commands = commands };

    private static Command Show() => G.Command("show", G.Run("echo \"ruby ${{ matrix.ruby }}\"", "Ruby ${{matrix.ruby}}"));

    [Fact]
    public void A_command_gets_a_string_parameter_per_matrix_name_and_each_leg_passes_its_value()
    {
        var text = Render.Config(WithCommands([Test(G.UseCommand("show"))], Show()));

        Render.Section(text, "commands:").Should().Be(
            """
            commands:
              show:
                parameters:
                  ruby:
                    description: Matrix value ruby
                    type: string
                steps:
                  - run:
                      name: Ruby << parameters.ruby >>
                      command: echo "ruby << parameters.ruby >>"

            """);
        // The legs differ only in their value: one job passes its parameter on, and each leg's use passes its value.
        Render.Section(Render.Section(text, "  test:"), "    steps:").Should().Be("    steps:\n      - show:\n          ruby: << parameters.ruby >>\n");
        Render.Section(text, "workflows:").Should().Contain("      - test:\n          name: test_3_2\n          ruby: '3.2'\n");
        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunCommands(text, "test_3_2").Should().Equal("echo \"ruby 3.2\"");
        pipeline.RunCommands(text, "test_3_3").Should().Equal("echo \"ruby 3.3\"");
    }

    [Fact]
    public void Parameters_come_in_first_use_order_and_nested_commands_get_them_passed_on()
    {
        var inner = G.Command("inner", G.Run("echo \"${{ matrix.os }} ${{ matrix.ruby }}\""));
        var outer = G.Command("outer", G.Run("echo \"${{ matrix.ruby }}\""), G.UseCommand("inner"));

        var text = Render.Config(WithCommands([Test(G.UseCommand("outer"))], inner, outer));

        var commands = Render.Section(text, "commands:");
        commands.Should().Contain("  inner:\n    parameters:\n      os:\n        description: Matrix value os\n        type: string\n      ruby:\n");
        commands.Should().Contain("  outer:\n    parameters:\n      ruby:\n        description: Matrix value ruby\n        type: string\n      os:\n");
        commands.Should().Contain("      - inner:\n          os: << parameters.os >>\n          ruby: << parameters.ruby >>\n");
        Render.Section(Render.Section(text, "  test:"), "    steps:").Should().Be(
            "    steps:\n      - outer:\n          ruby: << parameters.ruby >>\n          os: linux\n");
        new CircleCiPipeline("main", "").RunCommands(text, "test_3_3").Should().Equal("echo \"3.3\"", "echo \"linux 3.3\"");
    }

    [Fact]
    public void Using_such_a_command_from_a_job_without_that_matrix_value_is_an_error_naming_command_job_and_value()
    {
        var result = Render.Graph(WithCommands([G.Job("lint", G.UseCommand("show"))], Show()));

        result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Which.Message.Should()
            .Contain("job `lint`").And.Contain("command `show`").And.Contain("`ruby`");
    }

    [Fact]
    public void A_command_without_matrix_references_stays_a_bare_reference_and_gives_no_expression_warning()
    {
        var result = Render.Graph(WithCommands([Test(G.UseCommand("show"), G.UseCommand("plain"))], Show(), G.Command("plain", G.Run("echo hi"))));

        result.Diagnostics.Should().NotContain(d => d.Message.Contains("${{"));
        Render.Steps(Render.Config(WithCommands([Test(G.UseCommand("plain"))], G.Command("plain", G.Run("echo hi"))))).Should().Be("    steps:\n      - plain\n");
    }

    [Fact]
    public void The_config_passes_the_validators_and_shellcheck()
    {
        var inner = G.Command("inner", G.Run("echo \"${{ matrix.os }} ${{ matrix.ruby }}\""));
        var outer = G.Command("outer", G.Run("echo \"${{ matrix.ruby }}\""), G.UseCommand("inner"));

        Validators.AssertValidCircleCiConfigs(Render.Graph(WithCommands([Test(G.UseCommand("outer"), G.UseCommand("inner"))], inner, outer)).Files);
    }
}
