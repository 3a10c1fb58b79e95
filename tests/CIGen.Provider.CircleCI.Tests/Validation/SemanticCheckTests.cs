using CIGen.Testing;
using CIGen.Testing.Validation;
using CIGen.Testing.Validation.CircleCi;

namespace CIGen.Provider.CircleCI.Tests.Validation;

/// <summary>
/// Each semantic check catches the one thing broken in the valid config, and only that (the schema accepts most of
/// these configs: it cannot see references between names).
/// </summary>
public class SemanticCheckTests
{
    private static IReadOnlyList<ValidationFinding> Check(string text) => CircleCiSemantics.Check(ValidConfig.Path, text);

    /// <summary>The single finding of the semantic checks, with its tool and path checked.</summary>
    private static ValidationFinding Single(string text)
    {
        var findings = Check(text);
        findings.Should().ContainSingle("exactly one thing is broken in:\n{0}", text);
        findings[0].Tool.Should().Be("circleci-semantics");
        findings[0].Path.Should().Be(ValidConfig.Path);
        return findings[0];
    }

    [Fact]
    public void Finds_nothing_in_the_valid_config()
    {
        Check(ValidConfig.Text).Should().BeEmpty();
    }

    [Fact]
    public void Are_part_of_the_whole_judge()
    {
        Validators.ValidateCircleCiConfig(ValidConfig.Path, ValidConfig.With("      - lint\n", "      - lint\n      - lint-all\n"))
            .Should().ContainSingle(f => f.Tool == "circleci-semantics" && f.Message.Contains("'lint-all'"));
    }

    [Theory]
    [InlineData("version: 2.1", "version: 2.0", "version must be 2.1 (commands, executors, orbs and parameters need it), found '2.0'")]
    [InlineData("version: 2.1\n", "", "version is missing: a CircleCI 2.1 config starts with `version: 2.1`")]
    public void Requires_version_2_1(string oldText, string newText, string message)
    {
        Single(ValidConfig.With(oldText, newText)).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("setup: 'true'", "setup must be a boolean (true or false), found 'true' (quoted)")]
    [InlineData("setup: yes", "setup must be a boolean (true or false), found 'yes'")]
    [InlineData("setup: [true]", "setup must be a boolean (true or false), found a collection")]
    public void Requires_setup_to_be_a_boolean(string setup, string message)
    {
        var finding = Single(ValidConfig.With("version: 2.1\n", $"version: 2.1\n{setup}\n"));

        finding.Message.Should().Be(message);
        finding.Line.Should().Be(2);
    }

    [Theory]
    [InlineData("setup: true")]
    [InlineData("setup: false")]
    public void Accepts_a_boolean_setup(string setup)
    {
        Check(ValidConfig.With("version: 2.1\n", $"version: 2.1\n{setup}\n")).Should().BeEmpty();
    }

    [Fact]
    public void Reports_a_workflow_job_that_is_not_defined()
    {
        var text = ValidConfig.With("      - lint\n", "      - lint\n      - lint-all\n");

        var finding = Single(text);

        finding.Message.Should().Be(
            "workflow 'ci', job 'lint-all': 'lint-all' is no job defined under jobs: (nor an approval job: add `type: approval` to make it one)");
        (finding.Line, finding.Column).Should().Be((ValidConfig.LineOf(text, "- lint-all"), 9));
    }

    [Fact]
    public void Accepts_an_undefined_job_only_as_an_approval_job()
    {
        Single(ValidConfig.With("          type: approval\n", "")).Message.Should().StartWith("workflow 'ci', job 'hold': 'hold' is no job defined under jobs:");
    }

    [Fact]
    public void Reports_a_job_of_an_orb_that_is_not_declared()
    {
        Single(ValidConfig.With("      - lint\n", "      - lint\n      - aws-s3/sync\n")).Message.Should().Be(
            "workflow 'ci', job 'aws-s3/sync': orb 'aws-s3' (of 'aws-s3/sync') is not declared under orbs:");
    }

    [Fact]
    public void Accepts_jobs_of_declared_registry_orbs()
    {
        Check(ValidConfig.With("      - lint\n", "      - lint\n      - node/test\n")).Should().BeEmpty();
    }

    [Fact]
    public void Checks_members_of_inline_orbs()
    {
        var text = ValidConfig.With(
            "  node: circleci/node@5.2.0\n",
            "  node: circleci/node@5.2.0\n  local:\n    commands:\n      hello:\n        steps:\n          - run: echo hello\n");

        Check(text.ReplaceOnce("      - lint\n", "      - lint\n      - local/world\n")).Should().ContainSingle().Which.Message.Should().Be(
            "workflow 'ci', job 'local/world': the inline orb 'local' defines no job 'world' under jobs:");
        Check(text.ReplaceOnce("      - notify\n", "      - notify\n      - local/hello\n")).Should().BeEmpty();
    }

    [Fact]
    public void Reports_a_requires_target_that_is_not_a_job_of_the_workflow()
    {
        var text = ValidConfig.With("requires: [build, lint]", "requires: [build, test]");

        var finding = Single(text);

        finding.Message.Should().Be("workflow 'ci': job 'hold' requires 'test', which is not a job of this workflow");
        finding.Line.Should().Be(ValidConfig.LineOf(text, "requires: [build, test]"));
    }

    [Fact]
    public void Requires_a_renamed_job_by_its_workflow_name()
    {
        var text = ValidConfig.With("      - deploy:\n", "      - notify-deploy:\n          requires: [deploy]\n      - deploy:\n")
            .ReplaceOnce("  deploy:\n    executor:\n", "  notify-deploy:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [notify]\n  deploy:\n    executor:\n");

        Single(text).Message.Should().Be("workflow 'ci': job 'notify-deploy' requires 'deploy', which is not a job of this workflow");
        Check(text.ReplaceOnce("requires: [deploy]", "requires: [deploy-production]")).Should().BeEmpty();
    }

    [Fact]
    public void Reports_a_job_required_from_another_workflow()
    {
        var text = ValidConfig.Text + "  nightly:\n    jobs:\n      - lint:\n          requires: [build]\n";

        Single(text).Message.Should().Be("workflow 'nightly': job 'lint' requires 'build', which is not a job of this workflow");
    }

    [Fact]
    public void Reports_a_cycle_of_requires_with_its_path()
    {
        var text = ValidConfig.With("      - lint\n", "      - lint:\n          requires: [deploy-production]\n");

        Single(text).Message.Should().Be("workflow 'ci': requires form a cycle (each requires the next): lint -> deploy-production -> hold -> lint");
    }

    [Fact]
    public void Reports_a_job_that_requires_itself()
    {
        Single(ValidConfig.With("      - lint\n", "      - lint:\n          requires: [lint]\n")).Message.Should().Be(
            "workflow 'ci': requires form a cycle (each requires the next): lint -> lint");
    }

    [Fact]
    public void Reports_two_jobs_of_a_workflow_with_the_same_name()
    {
        Single(ValidConfig.With("      - lint\n", "      - lint\n      - build:\n          name: lint\n")).Message.Should().StartWith(
            "workflow 'ci': two jobs are named 'lint' (the first at line ");
    }

    [Fact]
    public void Requires_status_form_names_its_target_too()
    {
        var text = ValidConfig.With("requires: [build, lint]", "requires: [build, lint: [success, failed]]");

        Check(text).Should().BeEmpty();
        Single(text.ReplaceOnce("lint: [success", "lynt: [success")).Message.Should().Contain("requires 'lynt'");
    }

    [Fact]
    public void Reports_a_step_that_is_no_built_in_step_nor_a_defined_command()
    {
        var text = ValidConfig.With("      - notify\n", "      - notify-slack\n");

        var finding = Single(text);

        finding.Message.Should().Be("job 'deploy', step 4: 'notify-slack' is no command defined under commands: (nor a built-in step)");
        finding.Line.Should().Be(ValidConfig.LineOf(text, "notify-slack"));
    }

    [Fact]
    public void Reports_an_unknown_command_in_map_form_in_a_command_and_under_when()
    {
        Single(ValidConfig.With("      - run: echo \"<< parameters.message >>\"\n", "      - say:\n          text: hi\n"))
            .Message.Should().Be("command 'notify', step 1: 'say' is no command defined under commands: (nor a built-in step)");
        Single(ValidConfig.With("      - notify\n", "      - when:\n          condition: true\n          steps: [notifyy]\n"))
            .Message.Should().Be("job 'deploy', step 4 (when), step 1: 'notifyy' is no command defined under commands: (nor a built-in step)");
    }

    [Fact]
    public void Reports_a_command_of_an_orb_that_is_not_declared()
    {
        Single(ValidConfig.With("      - node/install-packages\n", "      - python/install-packages\n")).Message.Should().Be(
            "job 'lint', step 2: orb 'python' (of 'python/install-packages') is not declared under orbs:");
    }

    [Fact]
    public void Reports_an_argument_the_command_does_not_declare()
    {
        var text = ValidConfig.With("          cache-key: v1-", "          cache_key: v1-");

        Check(text).Should().OnlyContain(f => f.Tool == "circleci-semantics");
        Check(text).Select(f => f.Message).Should().Equal(
            "job 'build', step 2: command 'install' has no parameter 'cache_key' (its parameters: cache-key, frozen)",
            "job 'build', step 2: command 'install' needs parameter 'cache-key' (it has no default)");
    }

    [Fact]
    public void Reports_a_required_parameter_not_given_to_a_bare_command_step()
    {
        var text = ValidConfig.With("      - install:\n          cache-key: v1-{{ checksum \"package-lock.json\" }}\n", "      - install\n");

        var finding = Single(text);

        finding.Message.Should().Be("job 'build', step 2: command 'install' needs parameter 'cache-key' (it has no default)");
        finding.Line.Should().Be(ValidConfig.LineOf(text, "- install\n"));
    }

    [Theory]
    [InlineData("          frozen: maybe\n", "argument 'frozen' of command 'install' must be true or false, found 'maybe'")]
    [InlineData("          frozen: \"true\"\n", "argument 'frozen' of command 'install' must be true or false, found 'true' (quoted)")]
    [InlineData("          frozen: << pipeline.parameters.deploy-target >>\n", null)]
    [InlineData("          frozen: false\n", null)]
    public void Checks_boolean_arguments(string argument, string? message)
    {
        var text = ValidConfig.With("          cache-key: v1-{{ checksum \"package-lock.json\" }}\n", "          cache-key: v1-{{ checksum \"package-lock.json\" }}\n" + argument);

        if (message is null)
        {
            Check(text).Should().BeEmpty();
        }
        else
        {
            Single(text).Message.Should().Be("job 'build', step 2: " + message);
        }
    }

    [Fact]
    public void Checks_enum_and_string_arguments()
    {
        Single(ValidConfig.With("          target: production\n", "          target: prod\n")).Message.Should().Be(
            "workflow 'ci', job 'deploy': argument 'target' of job 'deploy' must be one of the parameter's enum values, found 'prod'");
        Single(ValidConfig.With("      tag: \"2024.02\"\n", "      tag: 2024.02\n")).Message.Should().Be(
            "job 'deploy': argument 'tag' of executor 'base' must be a string, found '2024.02', which YAML 1.1 reads as another type: quote it");
    }

    [Fact]
    public void Reports_job_parameters_a_workflow_does_not_give_or_the_job_does_not_declare()
    {
        Single(ValidConfig.With("          target: production\n", "")).Message.Should().Be(
            "workflow 'ci', job 'deploy': job 'deploy' needs parameter 'target' (it has no default)");
        Single(ValidConfig.With("          target: production\n", "          target: production\n          region: eu\n")).Message.Should().Be(
            "workflow 'ci', job 'deploy': job 'deploy' has no parameter 'region' (its parameters: target)");
    }

    [Fact]
    public void Counts_matrix_parameters_as_given_and_matrix_names_as_requirable()
    {
        var text = ValidConfig.With(
            "          target: production\n          context: [production]\n          requires:\n            - hold\n",
            "          matrix:\n            parameters:\n              target: [staging, production]\n          requires:\n            - hold\n      - notify-all:\n          requires: [deploy-production-staging]\n")
            .ReplaceOnce("  deploy:\n    executor:\n", "  notify-all:\n    docker: [{image: cimg/base:2024.01}]\n    steps: [notify]\n  deploy:\n    executor:\n");

        Check(text).Should().BeEmpty();
        var aliased = text.ReplaceOnce("              target: [staging, production]\n", "              target: [staging, production]\n            alias: deploy-all\n");
        Check(aliased.ReplaceOnce("requires: [deploy-production-staging]", "requires: [deploy-all]")).Should().BeEmpty();
        Single(aliased.ReplaceOnce("requires: [deploy-production-staging]", "requires: [deploy-every]")).Message.Should().Contain("requires 'deploy-every'");
    }

    [Fact]
    public void Accepts_an_executor_given_as_a_parameter()
    {
        Check(ValidConfig.With(
            "  lint:\n    executor: base\n",
            "  lint:\n    parameters:\n      runs-on:\n        type: executor\n        default: base\n    executor: << parameters.runs-on >>\n")).Should().BeEmpty();
    }

    [Fact]
    public void Reports_an_executor_that_is_not_defined()
    {
        var text = ValidConfig.With("    executor: base\n", "    executor: large\n");

        var finding = Single(text);

        finding.Message.Should().Be("job 'lint': 'large' is no executor defined under executors:");
        finding.Line.Should().Be(ValidConfig.LineOf(text, "executor: large"));
    }

    [Fact]
    public void Reports_an_executor_of_an_orb_that_is_not_declared_and_accepts_a_declared_one()
    {
        Single(ValidConfig.With("    executor: base\n", "    executor: win/default\n")).Message.Should().Be(
            "job 'lint': orb 'win' (of 'win/default') is not declared under orbs:");
        Check(ValidConfig.With("    executor: base\n", "    executor: node/default\n")).Should().BeEmpty();
    }

    [Fact]
    public void Reports_an_argument_the_executor_does_not_declare()
    {
        Single(ValidConfig.With("      tag: \"2024.02\"\n", "      tag: \"2024.02\"\n      size: xl\n")).Message.Should().Be(
            "job 'deploy': executor 'base' has no parameter 'size' (its parameters: tag)");
    }

    [Fact]
    public void Reports_a_job_without_an_executor()
    {
        var text = ValidConfig.With("    executor: base\n", "");

        var finding = Single(text);

        finding.Message.Should().Be("job 'lint' has no executor: give it one of docker, machine, macos or executor");
        finding.Line.Should().Be(ValidConfig.LineOf(text, "  lint:"));
    }

    [Fact]
    public void Reports_a_job_with_two_executor_kinds()
    {
        Single(ValidConfig.With("    executor: base\n", "    executor: base\n    machine:\n      image: ubuntu-2204:current\n")).Message.Should().Be(
            "job 'lint' has more than one executor kind (machine, executor): keep one");
    }

    [Fact]
    public void Reports_parameter_references_that_name_no_declared_parameter()
    {
        Single(ValidConfig.With("echo \"<< parameters.message >>\"", "echo \"<< parameters.text >>\"")).Message.Should().Be(
            "command 'notify' uses << parameters.text >>, but declares no parameter 'text' under parameters:");
        Single(ValidConfig.With("<< pipeline.parameters.deploy-target >>", "<< pipeline.parameters.target >>")).Message.Should().Be(
            "<< pipeline.parameters.target >> names no pipeline parameter declared under the top-level parameters:");
    }

    [Fact]
    public void Checks_steps_given_as_arguments_and_as_workflow_pre_steps()
    {
        var text = ValidConfig.With(
            "  notify:\n",
            "  twice:\n    parameters:\n      do:\n        type: steps\n    steps:\n      - << parameters.do >>\n      - << parameters.do >>\n  notify:\n");

        Check(text.ReplaceOnce("      - notify\n", "      - twice:\n          do: [notify]\n")).Should().BeEmpty();
        Single(text.ReplaceOnce("      - notify\n", "      - twice:\n          do: [notifyy]\n")).Message.Should().Be(
            "job 'deploy', step 4, argument 'do', step 1: 'notifyy' is no command defined under commands: (nor a built-in step)");
        Single(ValidConfig.With("          target: production\n", "          target: production\n          pre-steps: [notifyy]\n")).Message.Should().Be(
            "workflow 'ci', job 'deploy' pre-steps, step 1: 'notifyy' is no command defined under commands: (nor a built-in step)");
    }

    [Fact]
    public void Reads_merge_keys_like_circleci()
    {
        var text = ValidConfig.With(
            "  lint:\n    executor: base\n",
            "  lint:\n    <<: *build-defaults\n")
            .ReplaceOnce("  build:\n    docker:\n", "  build:\n    docker: &build-docker\n")
            .ReplaceOnce("jobs:\n  build:\n", "x-defaults:\n  build-defaults: &build-defaults\n    executor: base\njobs:\n  build:\n");

        Check(text).Should().BeEmpty();
        Single(text.ReplaceOnce("    <<: *build-defaults\n", "    <<: *build-defaults\n    docker: *build-docker\n"))
            .Message.Should().Be("job 'lint' has more than one executor kind (docker, executor): keep one");
    }
}
