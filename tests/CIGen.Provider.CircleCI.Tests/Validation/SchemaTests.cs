using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Validation;
using CIGen.Testing.Validation.CircleCi;

namespace CIGen.Provider.CircleCI.Tests.Validation;

/// <summary>CircleCI's official JSON schema, run by tests/validators/validate-circleci.mjs, and the whole judge on a valid config.</summary>
public class SchemaTests
{
    private static IReadOnlyList<ValidationFinding> Schema(string text) => CircleCiSchema.Run([new OutputFile(ValidConfig.Path, text)]);

    [Fact]
    public void Accepts_a_realistic_config_with_no_finding_from_any_check()
    {
        Validators.ValidateCircleCiConfig(ValidConfig.Path, ValidConfig.Text).Should().BeEmpty();
        FluentActions.Invoking(() => Validators.AssertValidCircleCiConfigs([new OutputFile(ValidConfig.Path, ValidConfig.Text)])).Should().NotThrow();
    }

    [Fact]
    public void Reports_steps_that_are_not_a_list()
    {
        var findings = Schema("version: 2.1\njobs: {build: {docker: [{image: cimg/base:2024.01}], steps: 5}}\n");

        findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f =>
            f.Tool == "circleci-schema" && f.Message == "/jobs/build/steps: must be array" && f.Line == 2 && f.Path == ValidConfig.Path);
    }

    [Fact]
    public void Reports_a_job_without_steps_or_executor_in_the_short_form_the_issue_names()
    {
        var findings = Schema("version: 2.1\njobs: {build: {steps: 5}}\n");

        findings.Should().Contain(f => f.Tool == "circleci-schema" && f.Message == "/jobs/build/steps: must be array");
        findings.Should().Contain(f => f.Message == "/jobs/build: must have required property 'docker'");
    }

    [Fact]
    public void Reports_an_unknown_job_key_at_its_line()
    {
        var text = ValidConfig.With("    resource_class: large\n", "    resource_class: large\n    runs-on: ubuntu-latest\n");

        var findings = Validators.ValidateCircleCiConfig(ValidConfig.Path, text);

        findings.Should().ContainSingle().Which.Should().Match<ValidationFinding>(f =>
            f.Tool == "circleci-schema" && f.Message == "/jobs/build: unknown key 'runs-on' (must NOT have additional properties)"
            && f.Line == ValidConfig.LineOf(text, "runs-on") && f.Column == 5);
    }

    [Fact]
    public void Reports_an_invalid_value_deep_in_a_step()
    {
        var text = ValidConfig.With("          when: on_fail\n", "          when: failure()\n");

        Schema(text).Should().Contain(f =>
            f.Tool == "circleci-schema" && f.Message.StartsWith("/jobs/build/steps/3/run/when: must be equal to one of the allowed values")
            && f.Line == ValidConfig.LineOf(text, "failure()"));
    }

    [Fact]
    public void Reports_a_version_other_than_2_1()
    {
        Schema(ValidConfig.With("version: 2.1", "version: 2")).Should().ContainSingle(f =>
            f.Tool == "circleci-schema" && f.Message.StartsWith("/version: must be equal to one of the allowed values") && f.Line == 1);
    }

    [Fact]
    public void Reads_yaml_1_1_booleans_as_booleans()
    {
        var text = ValidConfig.With("                - main\n", "                - on\n");

        Schema(text).Should().Contain(f => f.Message == "/workflows/ci/jobs/0/build/filters/branches/only/0: must be string");
    }

    [Fact]
    public void Reports_yaml_syntax_errors_and_duplicate_keys_without_crashing()
    {
        Schema("version: 2.1\njobs: [\n").Should().ContainSingle(f => f.Tool == "circleci-schema" && f.Message.StartsWith("YAML: "));
        Schema("version: 2.1\nversion: 2.1\n").Should().ContainSingle(f => f.Message.Contains("DUPLICATE_KEY") && f.Line == 2);
    }

    [Fact]
    public void Checks_many_files_in_one_call_and_names_the_file_of_each_finding()
    {
        var findings = CircleCiSchema.Run(
        [
            new OutputFile("good.yml", ValidConfig.Text),
            new OutputFile("bad.yml", ValidConfig.With("    working_directory:", "    workdir:")),
        ]);

        findings.Should().NotBeEmpty().And.OnlyContain(f => f.Path == "bad.yml");
    }

    [Fact]
    public void Fails_with_the_install_command_when_the_node_packages_are_missing()
    {
        var empty = Directory.CreateTempSubdirectory("cigen-no-validators-");
        try
        {
            FluentActions.Invoking(() => CircleCiSchema.Run([new OutputFile(ValidConfig.Path, ValidConfig.Text)], empty.FullName))
                .Should().Throw<InvalidOperationException>().WithMessage("*npm ci --prefix tests/validators*");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
