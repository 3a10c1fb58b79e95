using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Services: secondary docker images after the primary, and a "Wait for services" step after the checkout.</summary>
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

    private static Job Test(params Service[] services) =>
        G.Job("test", G.Checkout(), G.Run("make test")) with { Image = "ruby:3.3", Services = services, CheckoutIndex = 0 };

    [Fact]
    public void Lists_services_after_the_primary_image_with_name_and_environment()
    {
        var text = Render.Jobs(Test(Postgres, new Service { Name = "redis", Image = "redis:7", Source = G.At(".cigen/config.yml", 8, 3) }));

        Render.Section(text, "    docker:").Should().Be("""
                docker:
                  - image: ruby:3.3
                  - image: postgres:16
                    name: postgres
                    environment:
                      POSTGRES_PASSWORD: postgres
                  - image: redis:7
                    name: redis

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Waits_for_the_ports_right_after_the_checkout()
    {
        var text = Render.Jobs(Test(Postgres));

        var steps = Render.Section(text, "    steps:");
        steps.Should().StartWith("    steps:\n      - checkout\n      - run:\n          name: Wait for services\n          command: |\n");
        steps.Should().Contain("            wait_for_port 'postgres' 5432 60\n      - run: make test");
        Render.Diagnostics(Test(Postgres)).Should().BeEmpty();
    }

    [Fact]
    public void Waits_first_without_a_checkout_and_sixty_seconds_without_a_health_check()
    {
        var job = G.Job("test", G.Run("make test")) with { Services = [Postgres with { Ports = ["5432"], Health = null }] };

        Render.Section(Render.Jobs(job), "    steps:").Should().StartWith("    steps:\n      - run:\n          name: Wait for services\n")
            .And.Contain("wait_for_port 'postgres' 5432 60\n");
    }

    [Fact]
    public void Adds_no_wait_step_for_services_without_ports()
    {
        Render.Jobs(Test(Postgres with { Ports = [], Health = null })).Should().NotContain("Wait for services");
    }

    [Fact]
    public void Warns_that_circleci_does_not_remap_a_port()
    {
        var diagnostic = Render.Diagnostics(Test(Postgres with { Ports = ["15432:5432"] })).Should().ContainSingle().Subject;

        diagnostic.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.ServicePort && d.Severity == Severity.Warning && d.Job == "test"
            && d.File == ".cigen/config.yml" && d.Line == 2 && d.Message.Contains("listens on localhost:5432"));
        Render.Jobs(Test(Postgres with { Ports = ["15432:5432"] })).Should().Contain("wait_for_port 'postgres' 5432 60");
    }

    [Fact]
    public void Waits_once_per_service_for_a_port_listed_twice()
    {
        var redis = Postgres with { Name = "redis", Ports = ["6379", "16379:6379/tcp"], Health = null };

        var jobs = Render.Jobs(Test(redis, Postgres with { Ports = ["5432"] }));

        jobs.Split("wait_for_port 'redis' 6379 60\n").Should().HaveCount(2);
        jobs.Should().Contain("wait_for_port 'postgres' 5432 60\n");
    }

    [Fact]
    public void Warns_when_a_health_check_has_no_port_to_wait_for()
    {
        Render.Diagnostics(Test(Postgres with { Ports = [] })).Should().ContainSingle()
            .Which.Message.Should().Contain("service 'postgres'").And.Contain("no TCP port");
        Render.Diagnostics(Test(Postgres with { Ports = ["80-90"] })).Should().Contain(d => d.Message.Contains("port '80-90'"));
    }

    [Theory]
    [InlineData("10ms", null, 50, 60)]
    [InlineData("10s", "5s", 5, 60)]
    [InlineData("1m30s", null, 2, 180)]
    [InlineData("2s", "30s", 5, 150)]
    [InlineData("500ms", "1.5s", 41, 62)]
    [InlineData(null, null, 5, 60)]
    [InlineData("10s", "10s", null, 60)]
    [InlineData("soon", null, 5, 60)]
    public void Waits_the_longest_of_interval_and_timeout_times_retries_and_at_least_a_minute(string? interval, string? timeout, int? retries, int seconds)
    {
        ServiceRenderer.WaitSeconds(new ServiceHealth { Cmd = "true", Interval = interval, Timeout = timeout, Retries = retries }).Should().Be(seconds);
    }

    [Fact]
    public void Waits_a_minute_for_a_service_without_a_health_check()
    {
        ServiceRenderer.WaitSeconds(null).Should().Be(ServiceRenderer.MinimumWaitSeconds);
    }

    [Fact]
    public void Wait_script_returns_once_the_port_accepts_connections()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var (exit, output, error) = Bash(ServiceWait.Script([new AwaitedPort("db", port, 10)]));

            exit.Should().Be(0, error);
            output.Should().Be($"Service db accepts connections on localhost:{port}\n");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Wait_script_fails_with_a_clear_message_when_the_port_stays_closed()
    {
        // A port that was free a moment ago: nothing listens on it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = Bash(ServiceWait.Script([new AwaitedPort("db", port, 1)]));

        exit.Should().NotBe(0);
        error.Should().Be($"Service db did not accept connections on localhost:{port} within 1s\n");
    }

    [Fact]
    public void Output_with_services_passes_the_schema_semantic_checks_and_shellcheck()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", Test(Postgres, Postgres with { Name = "it's", Ports = ["6379"] }))));

        Validators.AssertValidCircleCiConfigs(result.Files.Select(f => new OutputFile(f.Path, f.Content)));
    }

    [Fact]
    public void Writes_env_names_a_shell_would_not_take_as_the_container_environment_and_passes_the_validators()
    {
        var search = new Service
        {
            Name = "elasticsearch",
            Image = "elasticsearch:8.15.0",
            Ports = ["9200"],
            Env = G.Env(("discovery.type", "single-node"), ("ES-JAVA-OPTS", "-Xms512m"), ("1st", "x"), ("a:b", "y")),
            Source = G.At(".cigen/config.yml", 2, 3),
        };
        var result = Render.Graph(G.Graph(G.Workflow("ci", Test(search))));

        Render.Section(Render.Jobs(Test(search)), "    docker:").Should().Contain("""
                    environment:
                      discovery.type: single-node
                      ES-JAVA-OPTS: -Xms512m
                      1st: x
                      a:b: 'y'

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Validators.AssertValidCircleCiConfigs(result.Files.Select(f => new OutputFile(f.Path, f.Content)));
    }

    /// <summary>Runs the script as CircleCI runs a step: <c>bash -eo pipefail</c>.</summary>
    private static (int Exit, string Output, string Error) Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();
        return (process.ExitCode, output.Result, error);
    }
}
