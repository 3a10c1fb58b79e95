using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

/// <summary>One test per error class: code, file:line:column, and a message that says what is wrong and what to do.</summary>
public class ErrorTests
{
    private const string Step = "steps:\n  - run: make\n";

    private static LoadResult SplitJob(string job, params (string, string)[] more) =>
        Load(ConfigTree.Split([("workflows/ci/jobs/build.yml", job), .. more]));

    private static LoadResult Load(ConfigTree tree)
    {
        using (tree)
        {
            return tree.Load();
        }
    }

    [Fact]
    public void Malformed_yaml_points_at_the_parser_error()
    {
        SplitJob("steps:\n  - run: \"unterminated\n  - run: b\n").Single()
            .ShouldBe(DiagnosticCodes.MalformedYaml, ".cigen/workflows/ci/jobs/build.yml", 2, 10, "malformed YAML", "quoted scalar");
    }

    [Fact]
    public void An_unclosed_flow_list_points_at_its_opening_bracket()
    {
        SplitJob("requires: [a, b\nsteps:\n  - run: make\n").Single()
            .ShouldBe(DiagnosticCodes.MalformedYaml, ".cigen/workflows/ci/jobs/build.yml", 1, 11, "never closed", "`]`");
    }

    [Fact]
    public void A_second_yaml_document_is_reported()
    {
        SplitJob(Step + "---\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.MalformedYaml, ".cigen/workflows/ci/jobs/build.yml", 3, 1, "one YAML document", "---");
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_one()
    {
        SplitJob("name: a\nname: b\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.DuplicateKey, ".cigen/workflows/ci/jobs/build.yml", 2, 1, "duplicate key `name`", "line 1", "keep only one");
    }

    [Fact]
    public void Unknown_job_key_suggests_the_closest_key()
    {
        SplitJob("requries: [x]\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "unknown key `requries` in job `build`", "did you mean `requires`?");
    }

    [Fact]
    public void Unknown_key_in_github_spelling_suggests_the_cigen_spelling()
    {
        SplitJob("runs-on: ubuntu-latest\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "did you mean `runs_on`?");
        SplitJob("timeout-minutes: 5\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "use `timeout` (minutes)");
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_allowed_keys()
    {
        var d = Load(ConfigTree.Inline("zebra: 1\njobs:\n  a:\n    " + Step.Replace("\n  ", "\n      "))).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 1, 1, "unknown key `zebra` in the top-level settings", "remove it or use one of:", "source_file_groups");
        d.Job.Should().BeNull();
    }

    [Fact]
    public void Unknown_step_key_suggests_a_step_kind()
    {
        SplitJob("steps:\n  - rn: make\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci/jobs/build.yml", 2, 5, "step 1 of job `build`", "did you mean `run`?");
    }

    [Fact]
    public void Wrong_type_says_what_was_expected_and_found()
    {
        var d = SplitJob("requires:\n  lint: true\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.WrongType, ".cigen/workflows/ci/jobs/build.yml", 2, 3,
                "`requires` in job `build` must be a string or a list of strings, found a mapping");
        (d.Workflow, d.Job).Should().Be(("ci", "build"));
    }

    [Fact]
    public void Wrong_type_of_a_boolean()
    {
        SplitJob("checkout: {fetch-depth: 0}\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.WrongType, ".cigen/workflows/ci/jobs/build.yml", 1, 11, "`checkout` in job `build` must be `true` or `false`, found a mapping");
    }

    [Fact]
    public void Invalid_values_name_the_accepted_ones()
    {
        SplitJob("architectures: [x64, x86]\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, ".cigen/workflows/ci/jobs/build.yml", 1, 22, "unknown architecture `x86`", "`amd64` (alias `x64`) or `arm64`");
        SplitJob("architectures: [x64, amd64]\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, ".cigen/workflows/ci/jobs/build.yml", 1, 22, "same architecture as `x64`");
    }

    [Fact]
    public void Missing_required_keys_show_an_example()
    {
        Load(ConfigTree.Split(("config.yml", "services:\n  pg:\n    ports: [5432]\n"), ("workflows/ci/jobs/a.yml", Step))).Single()
            .ShouldBe(DiagnosticCodes.MissingKey, ".cigen/config.yml", 3, 5, "service `pg` needs `image`", "image: postgres:16");
    }

    [Fact]
    public void A_config_that_vanished_is_reported()
    {
        var missing = new ConfigLocation(Path.Combine(Path.GetTempPath(), "cigen-none", ".cigen"), Path.Combine(Path.GetTempPath(), "cigen-none"), IsSplit: true);
        ConfigLoader.Load(missing).Single().ShouldBe(DiagnosticCodes.ConfigNotFound, ".cigen", 1, 1, "does not exist");
    }

    [Fact]
    public void Unexpected_files_in_the_tree_are_reported_not_ignored()
    {
        SplitJob(Step, ("workflows/ci/jobs/lint.yaml", Step)).Single()
            .ShouldBe(DiagnosticCodes.UnexpectedFile, ".cigen/workflows/ci/jobs/lint.yaml", 1, 1, "one <job>.yml file per job", "rename it to end in .yml");
    }

    [Fact]
    public void A_skippable_job_with_an_invalid_id_is_reported_not_thrown()
    {
        // Found by the hostile-config fuzz test: invalid UTF-8 in a job's name reached the skip-marker key, which threw.
        Load(ConfigTree.Inline("provider: github-actions\njobs:\n  test_p\uFFFDyodide:\n    source_files: ['src/**']\n    " + Step.Replace("\n  ", "\n      "))).Single()
            .ShouldBe(DiagnosticCodes.InvalidName, "cigen.yml", 3, 3, "`test_p\uFFFDyodide` is not a valid job id");
    }

    [Fact]
    public void Invalid_job_ids_are_reported()
    {
        Load(ConfigTree.Split(("workflows/ci/jobs/build.linux.yml", Step))).Single()
            .ShouldBe(DiagnosticCodes.InvalidName, ".cigen/workflows/ci/jobs/build.linux.yml", 1, 1, "`build.linux` is not a valid job id", "letters, digits");
    }

    [Fact]
    public void Unknown_job_in_requires_suggests_the_closest_job()
    {
        var d = SplitJob("requires: [lnt]\n" + Step, ("workflows/ci/jobs/lint.yml", Step)).Single()
            .ShouldBe(DiagnosticCodes.UnknownRequiredJob, ".cigen/workflows/ci/jobs/build.yml", 1, 12, "`requires` names unknown job `lnt`", "did you mean `lint`?");
        (d.Workflow, d.Job).Should().Be(("ci", "build"));
    }

    [Fact]
    public void A_job_of_another_workflow_cannot_be_required()
    {
        SplitJob("needs: deploy\n" + Step, ("workflows/release/jobs/deploy.yml", Step)).Single()
            .ShouldBe(DiagnosticCodes.UnknownRequiredJob, ".cigen/workflows/ci/jobs/build.yml", 1, 8, "`deploy` is a job of workflow `release`");
    }

    [Fact]
    public void Unknown_job_in_requires_any_is_reported()
    {
        SplitJob("requires_any: [lint, nope]\n" + Step, ("workflows/ci/jobs/lint.yml", Step)).Single()
            .ShouldBe(DiagnosticCodes.UnknownRequiresAnyJob, ".cigen/workflows/ci/jobs/build.yml", 1, 22, "`requires_any` names unknown job `nope`", "jobs of workflow `ci` are: build, lint");
    }

    [Fact]
    public void A_dependency_cycle_prints_the_cycle()
    {
        var d = Load(ConfigTree.Split(
                ("workflows/ci/jobs/a.yml", "requires: b\n" + Step),
                ("workflows/ci/jobs/b.yml", "requires: [c]\n" + Step),
                ("workflows/ci/jobs/c.yml", "requires_any: [a]\n" + Step)))
            .Single()
            .ShouldBe(DiagnosticCodes.DependencyCycle, ".cigen/workflows/ci/jobs/a.yml", 1, 11, "a → b → c → a", "remove one of these requirements");
        (d.Workflow, d.Job).Should().Be(("ci", "a"));
    }

    [Fact]
    public void A_job_requiring_itself_is_a_cycle()
    {
        SplitJob("requires: build\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.DependencyCycle, ".cigen/workflows/ci/jobs/build.yml", 1, 11, "build → build");
    }

    [Fact]
    public void Duplicate_job_ids_are_reported()
    {
        Load(ConfigTree.Inline("jobs:\n  a:\n    steps: [checkout]\nworkflows:\n  ci:\n    jobs:\n      a:\n        steps: [checkout]\n")).Single()
            .ShouldBe(DiagnosticCodes.DuplicateJob, "cigen.yml", 7, 7, "job `a` of workflow `ci` is already defined at cigen.yml:2:3");
    }

    [Fact]
    public void A_job_without_steps_is_reported_unless_it_is_an_approval()
    {
        SplitJob("name: Build\n").Single()
            .ShouldBe(DiagnosticCodes.JobWithoutSteps, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "job `build` has no steps", "`type: approval`");
        SplitJob("steps: []\n").Single()
            .ShouldBe(DiagnosticCodes.JobWithoutSteps, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "has no steps");
        SplitJob("type: approval\n").Diagnostics.Should().BeEmpty();
        Load(ConfigTree.Inline("jobs:\n  a:\n")).Single()
            .ShouldBe(DiagnosticCodes.JobWithoutSteps, "cigen.yml", 2, 3, "job `a` has no steps");
        Load(ConfigTree.Inline("jobs:\n  a: [checkout]\n")).Single()
            .ShouldBe(DiagnosticCodes.WrongType, "cigen.yml", 2, 6, "job `a` must be a mapping");
    }

    [Fact]
    public void Duplicate_commands_are_reported()
    {
        SplitJob(Step, ("config.yml", "commands:\n  setup:\n    steps: [checkout]\n"), ("commands/setup.yml", "steps: [checkout]\n")).Single()
            .ShouldBe(DiagnosticCodes.DuplicateDefinition, ".cigen/commands/setup.yml", 1, 1, "command `setup` is already defined at .cigen/config.yml:2:3");
    }

    [Fact]
    public void Conflicting_aliases_are_reported()
    {
        SplitJob("env: {A: 1}\nenvironment: {B: 2}\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, ".cigen/workflows/ci/jobs/build.yml", 2, 1, "`env` and `environment` in job `build` mean the same");
        SplitJob("requires: a\nneeds: a\n" + Step, ("workflows/ci/jobs/a.yml", Step)).Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, ".cigen/workflows/ci/jobs/build.yml", 2, 1, "`requires` and `needs`");
    }

    [Fact]
    public void A_workflow_without_jobs_is_reported()
    {
        SplitJob(Step, ("workflows/nightly.yml", "on: {schedule: [{cron: '0 3 * * *'}]}\n")).Single()
            .ShouldBe(DiagnosticCodes.WorkflowWithoutJobs, ".cigen/workflows/nightly.yml", 1, 1, "workflow `nightly` has no jobs", ".cigen/workflows/nightly/jobs/<job>.yml");
    }

    [Fact]
    public void A_config_without_jobs_is_reported()
    {
        Load(ConfigTree.Split(("config.yml", "provider: github\n"))).Single()
            .ShouldBe(DiagnosticCodes.NoJobs, ".cigen/config.yml", 1, 1, "defines no jobs");
    }

    [Fact]
    public void Commands_using_each_other_in_a_loop_are_reported()
    {
        SplitJob("steps: [a]\n", ("commands/a.yml", "steps: [b]\n"), ("commands/b.yml", "steps: [checkout, a]\n")).Single()
            .ShouldBe(DiagnosticCodes.CommandCycle, ".cigen/commands/a.yml", 1, 9, "a → b → a");
        SplitJob("steps: [a]\n", ("commands/a.yml", "steps: [checkout, a]\n")).Single()
            .ShouldBe(DiagnosticCodes.CommandCycle, ".cigen/commands/a.yml", 1, 19, "a → a");
    }

    [Fact]
    public void Unknown_group_suggests_the_closest_group()
    {
        SplitJob("source_files: ['@rsut', 'Makefile']\n" + Step, ("config/groups.yml", "source_file_groups:\n  rust: ['**/*.rs']\n")).Single()
            .ShouldBe(DiagnosticCodes.UnknownGroup, ".cigen/workflows/ci/jobs/build.yml", 1, 16, "unknown source file group `@rsut`", "did you mean `rust`?");
    }

    [Fact]
    public void Unknown_command_suggests_a_command_or_a_run_step()
    {
        SplitJob("steps:\n  - checkout\n  - instal_deps\n", ("commands/install_deps.yml", "steps: [checkout]\n")).Single()
            .ShouldBe(DiagnosticCodes.UnknownCommand, ".cigen/workflows/ci/jobs/build.yml", 3, 5, "unknown command `instal_deps` in job `build`", "did you mean `install_deps`?");
        SplitJob("steps:\n  - make test\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownCommand, ".cigen/workflows/ci/jobs/build.yml", 2, 5, "write `- run: make test`");
    }

    [Fact]
    public void A_redis_backend_holds_skip_markers_not_a_runner_s_dependency_caches()
    {
        var result = Load(ConfigTree.Split(
            ("config.yml", "cache_backends:\n  markers: {type: redis, url: '${REDIS_URL}'}\nrunners:\n  own: {labels: [self-hosted], cache_backend: markers, skip_cache: markers}\n"),
            ("workflows/ci/jobs/build.yml", "runner: own\n" + Step)));

        result.Graph.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.ShouldBe(
            DiagnosticCodes.RedisDependencyCache, ".cigen/config.yml", 4, 47, "cache backend `markers` is a redis backend", "use it as `skip_cache: markers`");
    }

    [Fact]
    public void Unknown_service_runner_backend_cache_and_package_are_reported()
    {
        var result = Load(ConfigTree.Split(
            ("config.yml", "services:\n  postgres: {image: 'postgres:16'}\nrunners:\n  cloud: {runs_on: ubuntu-latest, cache_backend: s4}\n"),
            ("workflows/ci/jobs/build.yml", "services: [postgress]\nrunner: clod\ncache: [carg]\npackages: [rusty]\n" + Step)));

        result.Graph.Should().BeNull();
        result.Diagnostics.Should().HaveCount(5);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.UnknownBackend, ".cigen/config.yml", 4, 50, "unknown cache backend `s4`", "define it under `cache_backends`");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.UnknownService, ".cigen/workflows/ci/jobs/build.yml", 1, 12, "unknown service `postgress`", "did you mean `postgres`?");
        result.Diagnostics[2].ShouldBe(DiagnosticCodes.UnknownRunner, ".cigen/workflows/ci/jobs/build.yml", 2, 9, "unknown runner `clod`", "did you mean `cloud`?");
        result.Diagnostics[3].ShouldBe(DiagnosticCodes.UnknownCache, ".cigen/workflows/ci/jobs/build.yml", 3, 9, "unknown cache `carg`", "did you mean `cargo`?");
        result.Diagnostics[4].ShouldBe(DiagnosticCodes.UnknownPackage, ".cigen/workflows/ci/jobs/build.yml", 4, 12, "unknown package `rusty`", "did you mean `rust`?");
    }

    [Fact]
    public void A_backend_whose_name_is_not_a_type_needs_one()
    {
        Load(ConfigTree.Split(("config.yml", "cache_backends:\n  minio: {bucket: b, region: r}\n"), ("workflows/ci/jobs/a.yml", Step))).Single()
            .ShouldBe(DiagnosticCodes.MissingKey, ".cigen/config.yml", 2, 3, "cache backend `minio` has no known type", "add `type: native`, `type: s3` or `type: redis`");
    }

    [Fact]
    public void A_provider_name_one_typo_away_from_a_known_one_is_a_warning()
    {
        var result = SplitJob(Step, ("config.yml", "provider: githb\n"));

        result.Graph.Should().NotBeNull("a warning does not stop generation");
        result.Single().ShouldBe(DiagnosticCodes.SuspiciousProvider, ".cigen/config.yml", 1, 11, "did you mean `github`?").Severity.Should().Be(Severity.Warning);
        SplitJob(Step, ("config.yml", "provider: gitlab\n")).Diagnostics.Should().BeEmpty("any other name may be a third-party provider");
    }

    [Fact]
    public void Workflow_settings_in_both_places_are_an_error_naming_both_files()
    {
        var d = SplitJob(Step, ("workflows/ci.yml", "name: CI\n"), ("workflows/ci/config.yml", "name: Other\n")).Single()
            .ShouldBe(DiagnosticCodes.WorkflowDefinedTwice, ".cigen/workflows/ci/config.yml", 1, 1, ".cigen/workflows/ci.yml and .cigen/workflows/ci/config.yml", "keep one");
        d.Workflow.Should().Be("ci");
    }

    [Fact]
    public void Fragments_setting_one_key_to_different_values_conflict_naming_both_files()
    {
        SplitJob(Step,
                ("config.yml", "source_file_groups:\n  rust: ['src/**']\n"),
                ("config/groups.yml", "source_file_groups:\n  rust: ['lib/**']\n  web: ['web/**']\n"))
            .Single()
            .ShouldBe(DiagnosticCodes.FragmentConflict, ".cigen/config/groups.yml", 2, 3, "`source_file_groups.rust` is set here and in .cigen/config.yml:2:3", "set it in one file only");
        SplitJob(Step, ("config.yml", "provider: github\n"), ("config/more.yml", "provider: github\n")).Diagnostics
            .Should().BeEmpty("the same value twice is no conflict");
    }

    [Fact]
    public void Invalid_trigger_events_suggest_the_closest_event()
    {
        SplitJob(Step, ("workflows/ci.yml", "on:\n  push: {branches: [main]}\n  pull_requests: {}\n")).Single()
            .ShouldBe(DiagnosticCodes.InvalidTrigger, ".cigen/workflows/ci.yml", 3, 3, "`pull_requests` in `on` in workflow `ci` is not a workflow event", "did you mean `pull_request`?");
        SplitJob(Step, ("workflows/ci.yml", "on:\n  push: {branch: main}\n")).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci.yml", 2, 10, "unknown key `branch`", "did you mean `branches`?");
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run_in_file_order()
    {
        var result = Load(ConfigTree.Split(
            ("config.yml", "architecture: [x64]\n"),
            ("commands/setup.yml", "steps: [{rn: x}]\n"),
            ("workflows/ci/jobs/b.yml", "requires: [zzz]\n" + Step),
            ("workflows/ci/jobs/a.yml", "name: [x]\n" + Step)));

        result.Graph.Should().BeNull();
        result.Diagnostics.Select(d => (d.File, d.Code)).Should().Equal(
            (".cigen/commands/setup.yml", DiagnosticCodes.UnknownKey),
            (".cigen/config.yml", DiagnosticCodes.UnknownKey),
            (".cigen/workflows/ci/jobs/a.yml", DiagnosticCodes.WrongType),
            (".cigen/workflows/ci/jobs/b.yml", DiagnosticCodes.UnknownRequiredJob));
        result.Diagnostics[1].Message.Should().Contain("did you mean `architectures`?");
    }

    [Fact]
    public void Merge_keys_and_custom_tags_are_reported()
    {
        SplitJob("<<: {name: x}\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, ".cigen/workflows/ci/jobs/build.yml", 1, 1, "merge keys (`<<`) are not supported");
        SplitJob("name: !reference [x]\n" + Step).Diagnostics.Select(d => d.Code).Should().Contain(DiagnosticCodes.MalformedYaml);
    }

    private const string BuildFile = ".cigen/workflows/ci/jobs/build.yml";

    [Fact]
    public void An_input_default_must_fit_the_input_type()
    {
        var result = SplitJob(Step, ("workflows/ci.yml",
            "on:\n  workflow_dispatch:\n    inputs:\n      channel: {type: choice, options: [stable, beta], default: nightly}\n" +
            "      force: {type: boolean, default: 'yes'}\n      count: {type: number, default: many}\n      ok: {type: number, default: 3}\n"));
        result.Diagnostics.Should().HaveCount(3);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.InvalidValue, ".cigen/workflows/ci.yml", 4, 65, "default of input `channel`", "`nightly`", "not one of its options (stable, beta)");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.InvalidValue, ".cigen/workflows/ci.yml", 5, 39, "default of input `force`", "not a boolean", "true or false");
        result.Diagnostics[2].ShouldBe(DiagnosticCodes.InvalidValue, ".cigen/workflows/ci.yml", 6, 38, "default of input `count`", "not a number");
    }

    [Fact]
    public void A_choice_input_needs_options()
    {
        SplitJob(Step, ("workflows/ci.yml", "on:\n  workflow_call:\n    inputs:\n      channel: {type: choice}\n")).Single()
            .ShouldBe(DiagnosticCodes.MissingKey, ".cigen/workflows/ci.yml", 4, 16, "input `channel` needs `options`");
    }

    [Fact]
    public void A_cron_expression_must_have_five_cron_fields()
    {
        var result = SplitJob(Step, ("workflows/ci.yml",
            "on:\n  schedule:\n    - cron: 'not a cron'\n    - cron: '0 3 * FOO MON-FRI'\n    - cron: '*/15 0-6,22 1 JAN-MAR mon'\n"));
        result.Diagnostics.Should().HaveCount(2);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.InvalidTrigger, ".cigen/workflows/ci.yml", 3, 13, "`not a cron`", "not a cron expression", "3 fields, not 5");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.InvalidTrigger, ".cigen/workflows/ci.yml", 4, 13, "the month field `FOO`", "JAN");
    }

    [Fact]
    public void A_job_cannot_be_both_required_and_an_alternative()
    {
        SplitJob("requires: [a]\nrequires_any: [c, a]\n" + Step, ("workflows/ci/jobs/a.yml", Step), ("workflows/ci/jobs/c.yml", Step)).Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, BuildFile, 2, 19, "`a` is both required and an alternative; keep it in one of the two");
    }

    [Fact]
    public void Matrix_references_must_name_a_value_of_the_jobs_matrix()
    {
        var result = SplitJob(
            "name: 'build ${{ matrix.ruby }}'\nmatrix:\n  ruby: ['3.3']\n  include: [{os: mac}]\nsteps:\n  - run: echo ${{ matrix.rubby }} ${{ matrix.os }}\n  - name: '${{ matrix.arch }}'\n    run: x\n  - setup\n",
            ("commands/setup.yml", "steps:\n  - run: echo ${{ matrix.pg }}\n"));
        result.Diagnostics.Should().HaveCount(3);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 6, 5, "`${{ matrix.rubby }}` in job `build` names no value of its matrix", "did you mean `ruby`?");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 7, 5, "`${{ matrix.arch }}`", "os, ruby");
        result.Diagnostics[2].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 9, 5, "`${{ matrix.pg }}` in job `build` (in command `setup`)");
    }

    [Fact]
    public void Matrix_values_a_condition_reads_must_be_values_of_the_jobs_matrix_too()
    {
        var result = SplitJob(
            "if: matrix.ruby == '3.3'\nsteps:\n  - run: x\n    if: matrix.python == '3.12' && matrix.ruby != '3.2'\n  - setup\n",
            ("commands/setup.yml", "steps:\n  - run: y\n    if: startsWith(matrix.os, 'ubuntu')\n"));

        result.Diagnostics.Should().HaveCount(4);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 1, 1, "`${{ matrix.ruby }}` in job `build`", "the job has no matrix");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 3, 5, "`${{ matrix.python }}` in job `build`'s condition");
        result.Diagnostics[2].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 3, 5, "`${{ matrix.ruby }}`");
        result.Diagnostics[3].ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 5, 5, "`${{ matrix.os }}` in job `build` (in command `setup`)'s condition");
    }

    [Fact]
    public void Matrix_references_in_a_job_without_a_matrix_are_errors_but_arch_is_known_with_architectures()
    {
        SplitJob("env: {V: '${{ matrix.ruby }}'}\n" + Step).Single()
            .ShouldBe(DiagnosticCodes.UnknownMatrixValue, BuildFile, 1, 1, "`${{ matrix.ruby }}` in job `build`", "the job has no matrix");
        SplitJob("architectures: [amd64, arm64]\nimage: 'ruby-${{ matrix.arch }}'\n" + Step).Diagnostics.Should().BeEmpty();
    }
}
