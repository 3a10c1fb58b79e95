using CIGen.Testing;
using CIGen.Testing.Validation;
using CIGen.Testing.Validation.CircleCi;

namespace CIGen.Provider.CircleCI.Tests.Validation;

/// <summary>shellcheck on every run script of a CircleCI config, found where CircleCI runs them and reported at their file line.</summary>
public class ShellcheckTests
{
    [Fact]
    public void Reports_an_unquoted_variable_in_a_job_script_at_its_file_line()
    {
        var text = ValidConfig.With("          command: npm test\n", "          command: |\n            set -x\n            npm test -- $TEST_ARGS\n");

        var findings = Validators.ValidateCircleCiConfig(ValidConfig.Path, text);

        findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f =>
            f.Tool == "shellcheck" && f.Message.StartsWith("SC2086") && f.Path == ValidConfig.Path
            && f.Line == ValidConfig.LineOf(text, "npm test -- $TEST_ARGS") && f.Message.Contains("(job build, step 3, script line 2)"));
    }

    [Fact]
    public void Checks_command_scripts_in_the_long_and_short_form()
    {
        var text = ValidConfig.With("      - run: echo \"<< parameters.message >>\"\n", "      - run: echo << parameters.message >> $USER\n");

        Validators.ValidateCircleCiConfig(ValidConfig.Path, text).Should().ContainSingle().Which.Should().Match<ValidationFinding>(f =>
            f.Tool == "shellcheck" && f.Message.StartsWith("SC2086") && f.Message.Contains("(command notify, step 1,")
            && f.Line == ValidConfig.LineOf(text, "$USER"));
    }

    [Fact]
    public void Does_not_hide_github_expressions_that_have_no_meaning_on_circleci()
    {
        var text = ValidConfig.With("          command: npm test\n", "          command: npm test \"${{ github.sha }}\"\n");

        Validators.ValidateCircleCiConfig(ValidConfig.Path, text).Should().Contain(f => f.Tool == "shellcheck");
    }

    [Fact]
    public void Extracts_run_scripts_with_their_shell_and_position()
    {
        var text =
            """
            version: 2.1
            commands:
              greet:
                steps:
                  - run:
                      command: echo hi
            jobs:
              a:
                docker: [{image: cimg/base:2024.01}]
                shell: /bin/sh
                steps:
                  - run: echo one
                  - run:
                      shell: /usr/bin/env bash
                      command: |
                        echo two
                  - when:
                      condition: true
                      steps:
                        - run: echo three
            workflows:
              ci:
                jobs:
                  - a:
                      pre-steps:
                        - run: echo four

            """;

        var scripts = CircleCiRunScripts.Extract("c.yml", text);

        scripts.Select(s => (s.Where, s.Step, s.Shell, s.Script, s.FirstLine)).Should().Equal(
            ("job a", 1, "/bin/sh", "echo one", 12),
            ("job a", 2, "/usr/bin/env bash", "echo two\n", 16),
            ("job a, step 3 (when)", 1, "/bin/sh", "echo three", 20),
            ("command greet", 1, "/bin/bash -eo pipefail", "echo hi", 6),
            ("workflow ci, job a pre-steps", 1, "/bin/sh", "echo four", 26));
    }

    [Fact]
    public void Replaces_circleci_parameters_by_words_of_the_same_length()
    {
        CircleCiRunScripts.WithoutParameters("cat << parameters.file >> out <<EOF\n<< pipeline.git.branch >>\nEOF")
            .Should().Be("cat " + new string('_', "<< parameters.file >>".Length) + " out <<EOF\n" + new string('_', "<< pipeline.git.branch >>".Length) + "\nEOF");
    }

    [Fact]
    public void Reads_an_escaped_opening_as_the_here_document_circleci_runs_keeping_columns()
    {
        CircleCiRunScripts.WithoutParameters("cat \\<<EOF >> out\n\\<< parameters.x >>\nEOF")
            .Should().Be("cat  <<EOF >> out\n << parameters.x >>\nEOF");
    }
}
