using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class StepTests
{
    private static readonly SourceLocation StepSource = G.At(".cigen/workflows/ci/jobs/a.yml", 7, 9);

    [Fact]
    public void Renders_checkout_steps_where_the_graph_has_them_and_injects_none()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("make"), G.Checkout()))).Should().Be(
            "    steps:\n      - run: make\n      - checkout\n");
        Render.Steps(Render.Jobs(G.Job("a", G.Run("make")))).Should().Be("    steps:\n      - run: make\n");
    }

    [Fact]
    public void Writes_a_run_step_with_nothing_but_its_script_in_the_short_form()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("cargo test")))).Should().Be("    steps:\n      - run: cargo test\n");
    }

    [Fact]
    public void Keeps_every_setting_of_a_run_step_in_canonical_order()
    {
        var step = G.Run("cargo test --all-features\n", "Run tests") with
        {
            If = "failure()",
            Env = G.Env(("RUST_LOG", "debug"), ("THREADS", Scalar.Number("4"))),
            Shell = "/bin/zsh",
            WorkingDirectory = "crates/core",
        };

        Render.Steps(Render.Jobs(G.Job("a", step))).Should().Be(
            """
                steps:
                  - run:
                      name: Run tests
                      when: on_fail
                      shell: /bin/zsh
                      working_directory: crates/core
                      environment:
                        RUST_LOG: debug
                        THREADS: 4
                      command: |
                        cargo test --all-features

            """);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("success()", null)]
    [InlineData("${{ success() }}", null)]
    [InlineData("true", null)]
    [InlineData("failure()", "on_fail")]
    [InlineData("${{ failure() }}", "on_fail")]
    [InlineData(" failure ( ) ", "on_fail")]
    [InlineData("always()", "always")]
    [InlineData("${{always()}}", "always")]
    public void Maps_status_conditions_to_when_and_leaves_out_the_default(string? condition, string? when)
    {
        var text = Render.Steps(Render.Jobs(G.Job("a", G.Run("make", "Build") with { If = condition })));

        text.Should().Be($"    steps:\n      - run:\n          name: Build\n{(when is null ? "" : $"          when: {when}\n")}          command: make\n");
    }

    [Theory]
    [InlineData("github.ref == 'refs/heads/main'")]
    [InlineData("cancelled()")]
    [InlineData("failure() && github.event_name == 'push'")]
    [InlineData("!cancelled()")]
    public void Reports_any_other_step_condition_naming_job_step_and_provider(string condition)
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("test", G.Run("make"), G.Run("deploy", "Deploy") with { If = condition, Source = StepSource }))));

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.step-condition"
            && d.File == StepSource.File && d.Line == 7 && d.Column == 9 && d.Workflow == "ci" && d.Job == "test"
            && d.Message.StartsWith($"step 'Deploy' of job `test` of workflow `ci` has the condition `{condition}`, which the circleci provider cannot express"));
    }

    [Fact]
    public void Names_an_unnamed_step_by_its_position()
    {
        var diagnostic = Render.Diagnostics(G.Job("test", G.Checkout(), G.Run("x") with { If = "github.actor == 'bot'" })).Single();

        diagnostic.Message.Should().StartWith("step 2 of job `test` of workflow `ci` has the condition");
    }

    [Fact]
    public void Reports_a_uses_step_as_an_error_naming_the_job()
    {
        var step = G.Uses("actions/upload-artifact@v4") with { Name = "Upload", Source = StepSource };

        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("build", G.Run("make"), step))));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error,
            "circleci.uses-step",
            "job `build` of workflow `ci` has the GitHub Actions step `uses: actions/upload-artifact@v4` ('Upload'), which cannot run on "
            + "CircleCI; limit it with `only: github-actions` or replace it with a run step",
            StepSource.File, 7, 9, "ci", "build"));
        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - run: make\n");
    }

    [Fact]
    public void Warns_that_step_ids_are_ignored()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", G.Run("make") with { Id = "build", Source = StepSource }))));

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == "circleci.ignored" && d.Line == 7
            && d.Message.Contains("has the id `build`, which only GitHub uses (for `steps.build.outputs`)"));
        result.Files.Single().Content.Should().NotContain("build");
    }

    [Theory]
    [InlineData("bash", "bash -eo pipefail")]
    [InlineData("sh", "sh -e")]
    [InlineData("python", "python")]
    [InlineData("perl {0}", "perl")]
    [InlineData("/bin/bash -euo pipefail", "/bin/bash -euo pipefail")]
    public void Spells_githubs_shells_as_the_command_lines_they_stand_for(string shell, string expected)
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("x") with { Shell = shell }))).Should().Contain($"          shell: {expected}\n");
    }

    [Fact]
    public void Reports_a_custom_shell_with_the_script_placeholder_before_its_end()
    {
        Render.Diagnostics(G.Job("a", G.Run("x") with { Shell = "perl {0} --strict" })).Should().ContainSingle()
            .Which.Code.Should().Be("circleci.invalid-step");
    }

    [Fact]
    public void Normalises_windows_line_endings_in_scripts()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("a\r\nb\r\n")))).Should().Be("    steps:\n      - run: |\n          a\n          b\n");
    }

    [Fact]
    public void Renders_cache_steps_natively_with_keys_as_written()
    {
        var restore = G.RestoreCache("deps-{{ checksum \"Cargo.lock\" }}", "deps-") with { Name = "Restore" };
        var save = G.SaveCache("deps-{{ checksum \"Cargo.lock\" }}", "target", "~/.cargo") with { If = "always()" };

        Render.Steps(Render.Jobs(G.Job("a", restore, G.Run("make"), save))).Should().Be(
            """
                steps:
                  - restore_cache:
                      name: Restore
                      keys: ['deps-{{ checksum "Cargo.lock" }}', deps-]
                  - run: make
                  - save_cache:
                      when: always
                      key: deps-{{ checksum "Cargo.lock" }}
                      paths: [target, ~/.cargo]

            """);
    }

    [Fact]
    public void Reports_cache_steps_circleci_cannot_run()
    {
        var diagnostics = Render.Diagnostics(G.Job("a", G.RestoreCache(), G.SaveCache("k"), G.RestoreCache("k") with { If = "failure()" }));

        diagnostics.Select(d => (d.Severity, d.Code)).Should().Equal(
            (Severity.Error, "circleci.invalid-step"), (Severity.Error, "circleci.invalid-step"), (Severity.Error, "circleci.step-condition"));
        diagnostics[0].Message.Should().Contain("restore_cache step without keys");
        diagnostics[1].Message.Should().Contain("save_cache step without paths");
        diagnostics[2].Message.Should().Contain("a restore_cache step runs only after the steps before it succeeded");
    }

    [Fact]
    public void Reports_a_condition_on_a_checkout_step()
    {
        Render.Diagnostics(G.Job("a", G.Checkout() with { If = "always()" }, G.Run("x"))).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Severity == Severity.Error && d.Code == "circleci.step-condition");
    }

    [Fact]
    public void Warns_about_settings_a_step_kind_has_no_place_for()
    {
        var checkout = G.Checkout() with { Name = "Fetch", Env = G.Env(("A", "1")) };
        var save = G.SaveCache("k", "p") with { Env = G.Env(("A", "1")) };

        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", checkout, save))));

        result.Diagnostics.Select(d => d.Message).Should().Equal(
            "step 'Fetch' of job `a` of workflow `ci` sets `name`, `env`, which CircleCI's checkout step has no place for; ignored",
            "step 2 of job `a` of workflow `ci` sets `env`, which CircleCI's save_cache step has no place for; ignored");
        Render.Steps(result.Files.Single().Content).Should().Be("    steps:\n      - checkout\n      - save_cache:\n          key: k\n          paths: [p]\n");
    }

    [Fact]
    public void Warns_about_github_expressions_in_commands_and_rejects_them_in_variables()
    {
        var step = G.Run("echo \"${{ github.sha }}\"", "Show") with { Env = G.Env(("REF", "${{ github.ref }}"), ("PLAIN", "x")), Source = StepSource };

        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("a", step))));

        result.Diagnostics.Select(d => (d.Severity, d.Code, d.Line)).Should().Equal(
            (Severity.Warning, "circleci.github-expression", 7), (Severity.Error, "circleci.env-expression", 7));
        result.Diagnostics[0].Message.Should().StartWith("the command of step 'Show' of job `a` of workflow `ci` holds the GitHub expression `${{ github.sha }}`, which CircleCI does not evaluate");
        result.Diagnostics[1].Message.Should().StartWith("variable `REF` of step 'Show' of job `a` of workflow `ci` has the value `${{ github.ref }}`, which the circleci provider cannot express");
    }
}
