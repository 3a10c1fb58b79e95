using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

/// <summary>Services: top-level definitions used by name and inline definitions both resolve into the job.</summary>
public class ServiceBindingTests
{
    private static LoadResult Inline(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load();
    }

    [Fact]
    public void Named_and_inline_services_resolve_into_the_job_in_order()
    {
        var job = Inline("""
            services:
              postgres:
                image: postgres:16
                ports: ['5432:5432', 6379]
                environment: {POSTGRES_PASSWORD: postgres}
                health: {cmd: pg_isready -U postgres, interval: 10s, timeout: 5s, retries: 5}
            jobs:
              a:
                services:
                  - postgres
                  - {name: redis, image: 'redis:7', env: {A: b}, health: {cmd: redis-cli ping}}
                steps: [checkout]
            """.Replace("\r\n", "\n", StringComparison.Ordinal)).Clean().Workflows[0].Jobs[0];

        job.Services.Select(s => s.Name).Should().Equal("postgres", "redis");
        job.Services[0].Ports.Should().Equal("5432:5432", "6379");
        job.Services[0].Env["POSTGRES_PASSWORD"].Should().Be(Scalar.String("postgres"));
        job.Services[0].Health.Should().Be(new ServiceHealth { Cmd = "pg_isready -U postgres", Interval = "10s", Timeout = "5s", Retries = 5 });
        job.Services[1].Env["A"].Should().Be(Scalar.String("b"));
        job.Services[1].Health.Should().Be(new ServiceHealth { Cmd = "redis-cli ping" });
        job.Services[1].Source.Should().Be(new SourceLocation("cigen.yml", 11, 10));
    }

    [Fact]
    public void A_health_duration_docker_would_reject_is_an_error_at_its_place()
    {
        Inline("services:\n  pg:\n    image: postgres:16\n    health: {cmd: pg_isready, interval: 10 seconds}\njobs: {a: {steps: [checkout]}}\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 4, 41, "`10 seconds`", "is not a duration", "`1m30s`");
    }

    [Fact]
    public void Unknown_health_keys_and_a_missing_cmd_are_errors_at_their_place()
    {
        Inline("services:\n  pg:\n    image: postgres:16\n    health: {command: pg_isready}\njobs: {a: {steps: [checkout]}}\n")
            .Diagnostics.Select(d => (d.Code, d.Line, d.Column)).Should().BeEquivalentTo([(DiagnosticCodes.UnknownKey, 4, 14), (DiagnosticCodes.MissingKey, 4, 13)]);
    }

    [Fact]
    public void Env_and_environment_together_are_a_conflict()
    {
        Inline("services:\n  pg:\n    image: postgres:16\n    env: {A: b}\n    environment: {A: c}\njobs: {a: {steps: [checkout]}}\n")
            .Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ConflictingKeys);
    }

    [Fact]
    public void A_service_takes_env_names_a_shell_would_not_but_a_container_does()
    {
        var service = Inline("services:\n  es:\n    image: elasticsearch:8.15.0\n    env: {discovery.type: single-node, ES-JAVA-OPTS: -Xmx1g, 1st: x}\njobs: {a: {services: [es], steps: [checkout]}}\n")
            .Clean().Workflows[0].Jobs[0].Services[0];

        service.Env.Keys.Should().Equal("discovery.type", "ES-JAVA-OPTS", "1st");
    }

    [Theory]
    [InlineData("{'a=b': x}", 11, "`a=b`", "`=` ends a name")]
    [InlineData("{'': x}", 11, "An empty name", "give the variable a name")]
    [InlineData("{x: 1, 'a b': x}", 17, "`a b`", "whitespace or `&`")]
    public void A_service_env_name_no_container_takes_is_an_error_at_its_place(string env, int column, string name, string advice)
    {
        Inline($"services:\n  es:\n    image: elasticsearch:8.15.0\n    env: {env}\njobs: {{a: {{steps: [checkout]}}}}\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidName, "cigen.yml", 4, column, name, "`env` in service `es`", advice);
    }

    [Fact]
    public void A_job_env_name_still_has_to_be_a_shell_variable()
    {
        Inline("jobs: {a: {env: {discovery.type: x}, steps: [checkout]}}\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidName, "cigen.yml", 1, 18, "`discovery.type`", "letters, digits and `_`");
    }
}
