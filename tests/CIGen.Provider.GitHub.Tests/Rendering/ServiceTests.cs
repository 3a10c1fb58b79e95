using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Service containers: the job's <c>services:</c> map, ports as given, health as docker options.</summary>
public class ServiceTests
{
    private static readonly Service Postgres = new()
    {
        Name = "postgres",
        Image = "postgres:16",
        Ports = ["5432:5432"],
        Env = G.Env(("POSTGRES_PASSWORD", "postgres")),
        Health = new ServiceHealth { Cmd = "pg_isready -U postgres", Interval = "10s", Timeout = "5s", Retries = 5 },
        Source = G.At(".cigen/config.yml", 2, 3),
    };

    private static Job Test(params Service[] services) => G.Job("test", G.Run("make test")) with { Image = "ruby:3.3", Services = services };

    [Fact]
    public void Writes_each_service_after_the_container_in_githubs_key_order()
    {
        var redis = new Service { Name = "redis", Image = "redis:7", Ports = ["6379"], Source = G.At(".cigen/config.yml", 8, 3) };

        var text = Render.Jobs(Test(Postgres, redis));

        Render.From(text, "    container:").Should().StartWith("""
                container: ruby:3.3
                services:
                  postgres:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: postgres
                    ports:
                      - 5432:5432
                    options: --health-cmd "pg_isready -U postgres" --health-interval 10s --health-timeout 5s --health-retries 5
                  redis:
                    image: redis:7
                    ports:
                      - 6379
                steps:
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_a_port_mapping_a_string_even_where_yaml_1_1_would_read_a_number()
    {
        // 22:22 is the base-60 number 1342 to a YAML 1.1 reader; 5432:5432 is a string in every version.
        var ssh = new Service { Name = "sshd", Image = "linuxserver/openssh-server", Ports = ["22:22"], Source = G.At(".cigen/config.yml", 2, 3) };

        Render.Jobs(Test(ssh)).Should().Contain("\n          - '22:22'\n");
    }

    [Fact]
    public void Renders_services_without_a_not_supported_warning()
    {
        Render.Graph(G.Graph(G.Workflow("ci", Test(Postgres)))).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Writes_only_the_health_options_that_are_set()
    {
        ServiceRenderer.HealthOptions(new ServiceHealth { Cmd = "redis-cli ping" }).Should().Be("--health-cmd \"redis-cli ping\"");
        ServiceRenderer.HealthOptions(new ServiceHealth { Cmd = "true", Retries = 3 }).Should().Be("--health-cmd true --health-retries 3");
        ServiceRenderer.HealthOptions(null).Should().BeNull();
    }

    [Theory]
    [InlineData("pg_isready -U postgres")]
    [InlineData("redis-cli ping")]
    [InlineData("mysqladmin ping -h 127.0.0.1 --password=\"se cret\"")]
    [InlineData("sh -c 'test -f /tmp/ready'")]
    [InlineData(@"echo C:\path\ a\\""b")]
    [InlineData(@"ends with a backslash\")]
    [InlineData("")]
    public void Quotes_the_health_command_so_the_runners_command_line_split_gives_it_back(string command)
    {
        // The runner passes `options` to `docker create` as one command line that .NET splits into arguments; .NET's
        // own Process does the same split here, and printf prints each argument on a line of its own.
        var start = new ProcessStartInfo("printf", $"%s\\n {ServiceRenderer.HealthOptions(new ServiceHealth { Cmd = command })}")
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        output.Should().Be($"--health-cmd\n{command}\n");
    }

    [Fact]
    public void Output_with_services_in_container_and_runner_jobs_passes_the_validators()
    {
        var runnerJob = G.Job("integration", G.Run("psql -h localhost -p 5432 -U postgres -c 'select 1'")) with { Services = [Postgres] };
        var files = Render.Graph(G.Graph(G.Workflow("ci", Test(Postgres), runnerJob))).Files.Select(f => new OutputFile(f.Path, f.Content));

        Validators.AssertValidGitHubWorkflows(files);
    }

    [Fact]
    public void Writes_env_names_a_shell_would_not_take_as_the_service_env_and_passes_the_validators()
    {
        var search = new Service
        {
            Name = "elasticsearch",
            Image = "elasticsearch:8.15.0",
            Ports = ["9200:9200"],
            Env = G.Env(("discovery.type", "single-node"), ("ES-JAVA-OPTS", "-Xms512m"), ("1st", "x"), ("a:b", "y")),
            Source = G.At(".cigen/config.yml", 2, 3),
        };

        Render.From(Render.Jobs(Test(search)), "    services:").Should().StartWith("""
                services:
                  elasticsearch:
                    image: elasticsearch:8.15.0
                    env:
                      discovery.type: single-node
                      ES-JAVA-OPTS: -Xms512m
                      1st: x
                      a:b: 'y'

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Validators.AssertValidGitHubWorkflows(Render.Graph(G.Graph(G.Workflow("ci", Test(search)))).Files.Select(f => new OutputFile(f.Path, f.Content)));
    }
}
