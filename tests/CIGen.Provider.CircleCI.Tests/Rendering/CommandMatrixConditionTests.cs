using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing.Meaning;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// A test of matrix values in the condition of a command's step: a boolean parameter of the command, which each leg
/// decides by GitHub's rules and passes; the step is a <c>when</c> step on it.
/// </summary>
public class CommandMatrixConditionTests
{
    private static Job Build(params Step[] steps) => G.Job("build", steps) with
    {
        MatrixLegs =
        [
            MatrixSample.Leg("linux", ("target", "x86_64-unknown-linux-gnu"), ("build_cmd", "cargo")),
            MatrixSample.Leg("arm", ("target", "aarch64-unknown-linux-gnu"), ("build_cmd", "Cross"), ("use_cross", Scalar.Boolean(true))),
        ],
    };

    private static Graph WithCommands(Job[] jobs, params Command[] commands) => G.Graph(G.Workflow("ci", jobs)) with { Commands = commands };

    private static Command Compile(string condition) =>
        G.Command("compile", G.Run("cargo install cross", "Install cross").When(condition), G.Run("make"));

    [Fact]
    public void A_matrix_test_becomes_a_boolean_parameter_each_leg_decides_and_the_step_a_when_step_on_it()
    {
        var text = Render.Config(WithCommands([Build(G.UseCommand("compile"))], Compile("matrix.build_cmd == 'cross'")));

        Render.Section(text, "commands:").Should().Be(
            """
            commands:
              compile:
                parameters:
                  if_build_cmd_is_cross:
                    description: Matrix test matrix.build_cmd == 'cross', decided per leg
                    type: boolean
                steps:
                  - when:
                      condition: << parameters.if_build_cmd_is_cross >>
                      steps:
                        - run:
                            name: Install cross
                            command: cargo install cross
                  - run: make

            """);
        Render.Section(Render.Section(text, "  build_linux:"), "    steps:").Should().Be("    steps:\n      - compile:\n          if_build_cmd_is_cross: false\n");
        Render.Section(Render.Section(text, "  build_arm:"), "    steps:").Should().Be(
            "    steps:\n      - compile:\n          if_build_cmd_is_cross: true\n", "GitHub compares strings ignoring case: 'Cross' == 'cross'");
    }

    [Fact]
    public void A_bare_matrix_value_is_tested_for_truth_and_a_value_the_leg_lacks_is_null()
    {
        var text = Render.Config(WithCommands([Build(G.UseCommand("compile"))], Compile("matrix.use_cross")));

        Render.Section(text, "commands:").Should().Contain("      if_use_cross:\n        description: Matrix test matrix.use_cross, decided per leg\n");
        Render.Section(text, "commands:").Should().Contain("      - when:\n          condition: << parameters.if_use_cross >>\n");
        Render.Section(text, "  build_linux:").Should().Contain("          if_use_cross: false\n");
        Render.Section(text, "  build_arm:").Should().Contain("          if_use_cross: true\n");
    }

    [Fact]
    public void A_status_function_stays_on_the_step_and_ref_tests_join_the_parameter_in_the_when()
    {
        var text = Render.Config(WithCommands(
            [Build(G.UseCommand("compile"))],
            Compile("failure() && matrix.build_cmd != 'cargo' && startsWith(tag, 'v')")));

        Render.Section(text, "commands:").Should().Contain(
            """
                  - when:
                      condition:
                        and:
                          - << parameters.if_build_cmd_is_not_cargo >>
                          - matches:
                              pattern: ^v.*$
                              value: << pipeline.git.tag >>
                      steps:
                        - run:
                            name: Install cross
                            when: on_fail
                            command: cargo install cross

            """);
    }

    [Fact]
    public void A_test_under_or_with_a_ref_test_is_one_parameter_inside_the_logic()
    {
        var text = Render.Config(WithCommands([Build(G.UseCommand("compile"))], Compile("matrix.use_cross || branch == 'main'")));

        Render.Section(text, "commands:").Should().Contain(
            "          condition:\n            or:\n              - << parameters.if_use_cross >>\n              - equal: [main, << pipeline.git.branch >>]\n");
    }

    [Fact]
    public void Nested_commands_pass_the_decision_on_and_one_test_has_one_name_in_every_command()
    {
        var inner = G.Command("inner", G.Run("echo cross").When("matrix.use_cross"), G.Run("echo ${{ matrix.target }}").When("!matrix.use_cross"));
        var outer = G.Command("outer", G.Run("echo outer").When("matrix.use_cross"), G.UseCommand("inner"));

        var text = Render.Config(WithCommands([Build(G.UseCommand("outer"))], inner, outer));

        var commands = Render.Section(text, "commands:");
        commands.Should().Contain("  inner:\n    parameters:\n      if_use_cross:\n        description: Matrix test matrix.use_cross, decided per leg\n        type: boolean\n"
            + "      if_not_use_cross:\n        description: Matrix test !matrix.use_cross, decided per leg\n        type: boolean\n"
            + "      target:\n        description: Matrix value target\n        type: string\n");
        commands.Should().Contain("  outer:\n    parameters:\n      if_use_cross:\n");
        commands.Should().Contain("      - inner:\n          if_use_cross: << parameters.if_use_cross >>\n"
            + "          if_not_use_cross: << parameters.if_not_use_cross >>\n          target: << parameters.target >>\n");
        Render.Section(Render.Section(text, "  build_arm:"), "    steps:").Should().Be(
            "    steps:\n      - outer:\n          if_use_cross: true\n          if_not_use_cross: false\n          target: aarch64-unknown-linux-gnu\n");
    }

    [Fact]
    public void Different_tests_whose_words_are_the_same_get_different_names_and_none_takes_a_matrix_value_name()
    {
        var command = G.Command("c",
            G.Run("echo a").When("matrix.os == 'a-b'"),
            G.Run("echo b").When("matrix.os == 'a b'"),
            G.Run("echo ${{ matrix.if_use_cross }}"),
            G.Run("echo c").When("matrix.use_cross"));
        var job = G.Job("build", G.UseCommand("c")) with
        {
            MatrixLegs = [MatrixSample.Leg("one", ("os", "a-b"), ("if_use_cross", "x"), ("use_cross", "y"))],
        };

        var commands = Render.Section(Render.Config(WithCommands([job], command)), "commands:");

        commands.Should().Contain("      if_os_is_a_b:\n        description: Matrix test matrix.os == 'a-b', decided per leg\n");
        commands.Should().Contain("      if_os_is_a_b_2:\n        description: Matrix test matrix.os == 'a b', decided per leg\n");
        commands.Should().Contain("      if_use_cross:\n        description: Matrix value if_use_cross\n");
        commands.Should().Contain("      if_use_cross_2:\n        description: Matrix test matrix.use_cross, decided per leg\n");
    }

    [Fact]
    public void A_job_without_a_matrix_passes_each_test_as_GitHub_decides_it_there_with_every_value_null()
    {
        var result = Render.Graph(WithCommands(
            [G.Job("lint", G.UseCommand("c"))],
            G.Command("c", G.Run("echo set").When("matrix.use_cross"), G.Run("echo unset").When("matrix.target == ''"))));

        result.Diagnostics.Should().BeEmpty();
        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - c:\n          if_use_cross: false\n          if_target_is_empty: true\n");
    }

    [Theory]
    [InlineData("matrix.use_cross && github.event_name == 'push'", "`github.event_name` is GitHub-only")]
    [InlineData("matrix.target == branch", "tests of `branch` and `tag` against strings")]
    [InlineData("matrix.use_cross || failure()", "a status function under `||` or `!`")]
    [InlineData("matrix.target == env.TARGET", "tests of `env`")]
    public void A_test_mixing_matrix_values_with_what_circleci_cannot_decide_is_an_error_saying_what_it_can(string condition, string advice)
    {
        var result = Render.Graph(WithCommands([Build(G.UseCommand("compile"))], Compile(condition)));

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.step-condition"
            && d.Message.StartsWith($"step 'Install cross' of command `compile` (used by ci/build_linux, ci/build_arm) has the condition `{condition}`, which the circleci provider cannot express")
            && d.Message.Contains(advice) && !d.Message.Contains("use one of those"));
    }

    [Fact]
    public void The_config_passes_the_validators_and_shellcheck()
    {
        var inner = G.Command("inner", G.Run("echo cross").When("matrix.use_cross"), G.Run("echo \"${{ matrix.target }}\"").When("!matrix.use_cross && tag == ''"));
        var outer = G.Command("outer", G.Run("echo outer").When("always() && matrix.build_cmd == 'cross'"), G.UseCommand("inner"));
        var shared = G.Command("shared", G.Run("echo cross").When("matrix.use_cross || startsWith(branch, 'release/')"));

        var result = Render.Graph(WithCommands([Build(G.UseCommand("outer"), G.UseCommand("inner"), G.UseCommand("shared")), G.Job("lint", G.UseCommand("shared"))], inner, outer, shared));

        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidCircleCiConfigs(result.Files);
    }

    /// <summary>Step conditions of a command, each with GitHub's meaning where CircleCI's own logic would differ.</summary>
    public static readonly TheoryData<string> Conditions =
    [
        "matrix.build_cmd == 'cross'", "matrix.build_cmd != 'cross'", "matrix.use_cross", "!matrix.use_cross", "matrix.use_cross == true",
        "matrix.use_cross == 'true'", "matrix.jobs == 2", "matrix.jobs == '2.0'", "matrix.jobs", "matrix.flag", "matrix.target == ''",
        "startsWith(matrix.target, 'AARCH64')", "matrix.build_cmd == 'cross' && matrix.use_cross", "!(matrix.build_cmd == 'cargo' || matrix.flag)",
        "matrix.use_cross || branch == 'main'", "matrix.build_cmd != 'cross' && startsWith(tag, 'v')", "success() && matrix.jobs != 0",
        "matrix.build_cmd == 'cross' && (branch == 'main' || tag != '')",
    ];

    private static readonly (string Suffix, (string Key, Scalar Value)[] Values)[] Legs =
    [
        ("linux", [("target", "x86_64-unknown-linux-gnu"), ("build_cmd", "cargo"), ("jobs", Scalar.Number("2")), ("flag", "false")]),
        ("arm", [("target", "aarch64-unknown-linux-gnu"), ("build_cmd", "Cross"), ("use_cross", Scalar.Boolean(true)), ("jobs", Scalar.Number("0")), ("flag", "0")]),
        ("win", [("target", ""), ("build_cmd", "CROSS"), ("use_cross", Scalar.Boolean(false)), ("jobs", "2"), ("flag", "")]),
    ];

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Each_leg_runs_the_steps_GitHub_runs(string condition)
    {
        var command = G.Command("compile", G.Run("echo before"), G.Run("echo conditional").When(condition), G.Run("echo after"));
        var job = G.Job("build", G.UseCommand("compile")) with { MatrixLegs = [.. Legs.Select(l => MatrixSample.Leg(l.Suffix, l.Values))] };
        var text = Render.Config(WithCommands([job], command));

        foreach (var (suffix, values) in Legs)
        {
            foreach (var (branch, tag) in new[] { ("main", ""), ("dev", ""), ("", "v1.0"), ("", "nightly") })
            {
                var contexts = values.ToDictionary(v => $"matrix.{v.Key}", v => GitHubValue(v.Value));
                contexts["branch"] = branch;
                contexts["tag"] = tag;
                var onGitHub = command.Steps.Where(s => GitHubExpression.Holds(s.If, contexts)).Select(s => ((RunStep)s).Run).ToList();

                new CircleCiPipeline(branch, tag).RunCommands(text, $"build_{suffix}").Should().Equal(
                    onGitHub, $"leg {suffix} on {(tag.Length > 0 ? $"tag {tag}" : $"branch {branch}")} runs on CircleCI what GitHub runs");
            }
        }
    }

    private static object? GitHubValue(Scalar value) => value.Kind switch
    {
        ScalarKind.Boolean => value.Text == "true",
        ScalarKind.Number => double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.Text,
    };
}
