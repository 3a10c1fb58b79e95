using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

public class WorkflowAndResourceTests
{
    private const string Jobs = "jobs:\n  a:\n    steps: [checkout]\n";

    private static LoadResult Inline(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load();
    }

    private static Workflow Workflow(string settings) =>
        Inline("workflows:\n  ci:\n" + string.Concat(settings.Split('\n').Select(l => "    " + l + "\n")) + "    jobs: {a: {steps: [checkout]}}\n")
            .Clean().Workflows[0];

    [Fact]
    public void Concurrency_may_be_just_a_group()
    {
        Workflow("concurrency: deploy").Concurrency.Should().Be(new Concurrency { Group = "deploy" });
    }

    [Fact]
    public void Permissions_may_be_empty_meaning_none()
    {
        var permissions = Workflow("permissions: {}").Permissions!;

        permissions.All.Should().BeNull();
        permissions.Scopes.Should().BeEmpty();
    }

    [Fact]
    public void Permission_scopes_and_levels_are_checked()
    {
        var result = Inline("workflows:\n  ci:\n    permissions: {content: read, issues: admin}\n    jobs: {a: {steps: [checkout]}}\n");

        result.Diagnostics.Should().HaveCount(2);
        result.Diagnostics[0].ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 3, 19, "unknown permission scope `content`", "did you mean `contents`?");
        result.Diagnostics[1].ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 3, 42, "`admin` is not a permission level", "read, write or none");
    }

    [Fact]
    public void Events_may_be_one_name_or_a_list()
    {
        Workflow("on: push").Triggers.Select(t => t.Event).Should().Equal("push");
        Workflow("on: [push, workflow_dispatch]").Triggers.Select(t => t.Event).Should().Equal("push", "workflow_dispatch");
    }

    private static LoadResult On(string on) => Inline($"workflows:\n  ci:\n    on: {on}\n    jobs: {{a: {{steps: [checkout]}}}}\n");

    [Fact]
    public void A_schedule_without_cron_expressions_is_an_error()
    {
        On("{schedule: []}").Single()
            .ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 20, "`schedule` in `on` in workflow `ci` lists no cron expression", "- cron: '0 3 * * *'");
        On("[push, schedule]").Single()
            .ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 16, "`schedule` in `on` in workflow `ci` needs its cron expressions", "on: {schedule: [{cron:");
        On("schedule").Single().ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 9, "needs its cron expressions");
    }

    [Fact]
    public void An_event_listed_twice_is_an_error_at_the_second()
    {
        On("[push, pull_request, push]").Single()
            .ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 30, "`push` is listed twice in `on` in workflow `ci` (first at line 3)", "list each event once");
    }

    [Fact]
    public void An_on_that_names_no_event_is_an_error()
    {
        On("[]").Single().ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 9, "`on` in workflow `ci` names no event", "leave `on` out");
        On("{}").Single().ShouldBe(DiagnosticCodes.InvalidTrigger, "cigen.yml", 3, 9, "names no event");
    }

    [Fact]
    public void Push_filters_keep_branches_tags_and_paths()
    {
        var push = Workflow("on:\n  push:\n    branches: main\n    tags: ['v*', '!v0*']\n    paths: [src/**]").Triggers.Single();

        (push.Branches, push.Tags, push.Paths).Should().BeEquivalentTo((new[] { "main" }, new[] { "v*", "!v0*" }, new[] { "src/**" }));
    }

    [Fact]
    public void A_filter_and_its_ignore_form_cannot_both_be_set()
    {
        Inline("workflows:\n  ci:\n    on: {push: {branches: [a], branches-ignore: [b]}}\n    jobs: {a: {steps: [checkout]}}\n").Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, "cigen.yml", 3, 32, "`branches` and `branches-ignore` cannot both be set");
    }

    [Fact]
    public void A_choice_input_needs_options()
    {
        Inline("workflows:\n  ci:\n    on:\n      workflow_dispatch:\n        inputs:\n          env: {type: choice}\n    jobs: {a: {steps: [checkout]}}\n").Single()
            .ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 6, 16, "input `env` needs `options`");
    }

    [Fact]
    public void An_approval_job_has_no_steps()
    {
        Inline("jobs:\n  gate:\n    type: approval\n    steps: [checkout]\n").Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 4, 5, "approval gate and runs no steps");
        Inline("jobs:\n  gate:\n    type: manual\n    steps: [checkout]\n").Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 3, 11, "unknown job type `manual`");
    }

    [Fact]
    public void Job_services_may_be_a_mapping_of_inline_definitions()
    {
        var job = Inline("jobs:\n  a:\n    services:\n      db: {image: 'postgres:16', env: {POSTGRES_DB: app}}\n    steps: [checkout]\n").Clean().Workflows[0].Jobs[0];

        job.Services.Single().Should().BeEquivalentTo(new { Name = "db", Image = "postgres:16" });
        job.Services[0].Env["POSTGRES_DB"].Should().Be(Scalar.String("app"));
    }

    [Fact]
    public void Backends_need_their_settings()
    {
        Inline("cache_backends:\n  s3: {region: eu-west-1}\n" + Jobs).Single()
            .ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 2, 7, "cache backend `s3` needs `bucket`");
        Inline("cache_backends:\n  cache: {type: memcached}\n" + Jobs).Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 2, 17, "unknown type `memcached` of cache backend `cache`", "use native, s3 or redis");
    }

    [Fact]
    public void A_backend_defined_in_cache_backends_and_skip_cache_is_a_duplicate()
    {
        Inline("cache_backends:\n  redis: {url: 'redis://a'}\nskip_cache:\n  default: redis\n  backends:\n    redis: {url: 'redis://b'}\n" + Jobs).Single()
            .ShouldBe(DiagnosticCodes.DuplicateDefinition, "cigen.yml", 6, 5, "cache backend `redis` is already defined at cigen.yml:2:3");
    }

    [Fact]
    public void The_alias_actually_written_names_the_value_in_messages()
    {
        Inline("jobs:\n  a:\n    needs: {x: 1}\n    steps: [checkout]\n").Single()
            .ShouldBe(DiagnosticCodes.WrongType, "cigen.yml", 3, 12, "`needs` in job `a` must be");
    }

    [Fact]
    public void Runner_and_runs_on_exclude_each_other()
    {
        Inline("runners:\n  big: {runs_on: big}\njobs:\n  a:\n    runner: big\n    runs_on: small\n    steps: [checkout]\n").Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, "cigen.yml", 6, 5, "`runner` and `runs_on` cannot both be set");
    }

    [Fact]
    public void Skip_strategy_is_plan_or_early_exit()
    {
        Inline("github: {skip_strategy: early}\n" + Jobs).Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 1, 25, "unknown skip strategy `early`", "`plan` or `early_exit`");
    }

    [Fact]
    public void Output_path_must_stay_inside_the_repository()
    {
        Inline("output_path: ../elsewhere\n" + Jobs).Single()
            .ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 1, 14, "relative and without `..`");
    }
}
