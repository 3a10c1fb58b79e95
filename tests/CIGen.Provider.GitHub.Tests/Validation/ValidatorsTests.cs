using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Validation;

namespace CIGen.Provider.GitHub.Tests.Validation;

/// <summary>The validators the rendering tests rely on must be able to fail, each on what it really checks.</summary>
public class ValidatorsTests
{
    private const string Clean =
        """
        name: ci
        on:
          push:
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: echo "ok"

        """;

    [Fact]
    public void Finds_nothing_in_a_clean_workflow()
    {
        Validators.ValidateGitHubWorkflow(".github/workflows/ci.yml", Clean).Should().BeEmpty();
    }

    [Fact]
    public void Reports_an_unknown_job_key_from_actionlint_and_githubs_parser()
    {
        var findings = Validators.ValidateGitHubWorkflow("ci.yml", Clean.Replace("    runs-on:", "    run-on-typo: x\n    runs-on:"));

        findings.Should().Contain(f => f.Tool == "actionlint" && f.Message.Contains("unexpected key \"run-on-typo\"") && f.Line == 6);
        findings.Should().Contain(f => f.Tool == "workflow-parser" && f.Message.Contains("run-on-typo") && f.Line == 6 && f.Column == 5);
    }

    [Fact]
    public void Reports_needs_on_an_unknown_job_from_both_linters()
    {
        var findings = Validators.ValidateGitHubWorkflow("ci.yml", Clean.Replace("    runs-on:", "    needs: [ghost]\n    runs-on:"));

        findings.Should().Contain(f => f.Tool == "actionlint" && f.Message.Contains("needs job \"ghost\" which does not exist"));
        findings.Should().Contain(f => f.Tool == "workflow-parser" && f.Message.Contains("'ghost'"));
    }

    [Fact]
    public void Reports_invalid_yaml_without_crashing()
    {
        var findings = Validators.ValidateGitHubWorkflow("ci.yml", "on: push\njobs:\n  a: [\n");

        findings.Should().Contain(f => f.Tool == "actionlint" && f.Message.Contains("could not parse as YAML"));
        findings.Should().Contain(f => f.Tool == "workflow-parser");
    }

    [Fact]
    public void Reports_unquoted_variables_in_run_scripts_from_shellcheck_at_their_line()
    {
        var text = Clean.Replace("      - run: echo \"ok\"\n", "      - run: |\n          set -e\n          echo $1\n");

        var findings = Validators.ValidateGitHubWorkflow("ci.yml", text);

        findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f =>
            f.Tool == "shellcheck" && f.Message.StartsWith("SC2086") && f.Line == 11 && f.Message.Contains("job a, step 2"));
    }

    [Fact]
    public void Checks_many_files_in_one_call_and_names_the_file_of_each_finding()
    {
        var findings = Validators.ValidateGitHubWorkflows(
        [
            new OutputFile("good.yml", Clean),
            new OutputFile("bad.yml", Clean.Replace("echo \"ok\"", "cd $DIR")),
        ]);

        findings.Should().NotBeEmpty().And.OnlyContain(f => f.Path == "bad.yml");
    }

    [Fact]
    public void Extracts_run_scripts_with_their_shell_and_position()
    {
        var text =
            """
            defaults:
              run:
                shell: sh
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: echo one
                  - shell: pwsh
                    run: |
                      Write-Host two
              b:
                runs-on: ubuntu-latest
                defaults:
                  run:
                    shell: bash
                steps:
                  - run: echo "${{ github.sha }}"

            """;

        var scripts = RunScripts.Extract("w.yml", text);

        scripts.Select(s => (s.Job, s.Step, s.Shell, s.Script, s.FirstLine)).Should().Equal(
            ("a", 2, "sh", "echo one", 10),
            ("a", 3, "pwsh", "Write-Host two\n", 13),
            ("b", 1, "bash", "echo \"${{ github.sha }}\"", 20));
        RunScripts.WithoutExpressions(scripts[2].Script).Should().Be("echo \"" + new string('_', "${{ github.sha }}".Length) + "\"");
    }

    [Fact]
    public void Leaves_scripts_of_other_shells_to_their_own_tools_and_replaces_expressions_like_actionlint()
    {
        var scripts = new[]
        {
            new RunScript("w.yml", "a", 1, "pwsh", "Write-Host $1 $x", 1, 1),
            new RunScript("w.yml", "a", 2, "bash", "echo \"${{ github.sha }}\"", 2, 1),
        };

        Shellcheck.Run(scripts).Should().BeEmpty();
    }

    [Fact]
    public void Fails_with_the_install_command_when_the_node_packages_are_missing()
    {
        var empty = Directory.CreateTempSubdirectory("cigen-no-validators-");
        try
        {
            FluentActions.Invoking(() => WorkflowLinters.Run([new OutputFile("ci.yml", Clean)], empty.FullName))
                .Should().Throw<InvalidOperationException>().WithMessage("*npm ci --prefix tests/validators*");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
