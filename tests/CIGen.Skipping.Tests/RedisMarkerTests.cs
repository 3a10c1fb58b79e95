using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.Skipping.Tests;

public sealed class RedisMarkerTests(RedisServer redis) : MarkerScenarios, IClassFixture<RedisServer>
{
    protected override MarkerBackend Backend => MarkerBackend.Redis;

    protected override IReadOnlyDictionary<string, string> Settings => BackendSettings.Redis(redis);

    protected override (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer()
    {
        var own = new RedisServer();
        return (own, BackendSettings.Redis(own));
    }

    [Fact]
    public void The_marker_expires_after_the_ttl_given()
    {
        var key = Key().WithHash(NewHash());

        Record(key, With(Settings, "CIGEN_REDIS_TTL", "600")).ExitCode.Should().Be(0);

        int.Parse(redis.Cli("TTL", key), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 600);
    }

    [Fact]
    public void Without_a_ttl_the_marker_expires_after_30_days()
    {
        var key = Key().WithHash(NewHash());

        Record(key).ExitCode.Should().Be(0);

        int.Parse(redis.Cli("TTL", key), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(2592000 - 60, 2592000);
    }

    [Fact]
    public void The_marker_names_its_key_and_time()
    {
        var key = Key().WithHash(NewHash());

        Record(key).ExitCode.Should().Be(0);

        redis.Cli("GET", key).Should().MatchRegex($"^cigen skip marker\nkey={key}\nrecorded_at=\\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30d")]
    [InlineData("-1")]
    public void A_ttl_that_is_not_a_number_of_seconds_records_nothing(string ttl)
    {
        var key = Key().WithHash(NewHash());

        var record = Record(key, With(Settings, "CIGEN_REDIS_TTL", ttl));

        record.ExitCode.Should().Be(2);
        record.StandardError.Should().Contain("CIGEN_REDIS_TTL");
        redis.Cli("EXISTS", key).Should().Be("0");
    }

    [Fact]
    public void A_wrong_password_means_run_not_skip()
    {
        var key = Key().WithHash(NewHash());
        Record(key).ExitCode.Should().Be(0);

        var lookup = Lookup(key, With(Settings, "CIGEN_REDIS_URL", $"redis://nobody:wrong@127.0.0.1:{redis.Port}"));

        lookup.ExitCode.Should().Be(2, lookup.StandardError);
        lookup.StandardError.Should().NotContain("wrong", "the password stays out of the log");
    }

    [Theory]
    [InlineData("redis://ci:p%40ss%3Aw%2Frd@127.0.0.1:6390/2", "ci", "p@ss:w/rd", "redis://127.0.0.1:6390/2")]
    [InlineData("redis://:s3cret@127.0.0.1:6390", null, "s3cret", "redis://127.0.0.1:6390")]
    [InlineData("rediss://s3cret@cache.example:6380/0", null, "s3cret", "rediss://cache.example:6380/0")]
    [InlineData("redis://127.0.0.1:6390", null, null, "redis://127.0.0.1:6390")]
    public void The_password_reaches_redis_cli_through_the_environment_not_its_arguments(string url, string? user, string? password, string bareUrl)
    {
        // Arguments are public: `ps` and /proc/*/cmdline show them to every user of the machine.
        var stub = Directory.CreateTempSubdirectory("cigen-redis-cli-");
        try
        {
            var log = Path.Combine(stub.FullName, "log");
            File.WriteAllText(Path.Combine(stub.FullName, "redis-cli"), """
                #!/bin/bash
                printf 'arg=%s\n' "$@" >>"$STUB_LOG"
                printf 'REDISCLI_AUTH=%s\n' "${REDISCLI_AUTH-<unset>}" >>"$STUB_LOG"
                case " $* " in *' SET '*) echo OK ;; *) echo 1 ;; esac

                """);
            File.SetUnixFileMode(Path.Combine(stub.FullName, "redis-cli"), (UnixFileMode)0b111_101_101);
            var settings = new Dictionary<string, string> { ["CIGEN_REDIS_URL"] = url, ["STUB_LOG"] = log };
            var path = stub.FullName + ":" + Environment.GetEnvironmentVariable("PATH");
            var key = Key().WithHash(NewHash());

            MarkerRun.Run(Backend, MarkerOperation.Lookup, key, settings, path).ExitCode.Should().Be(0);
            MarkerRun.Run(Backend, MarkerOperation.Record, key, settings, path).ExitCode.Should().Be(0);

            var lines = File.ReadAllLines(log);
            var arguments = lines.Where(l => l.StartsWith("arg=", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
            if (password is not null)
            {
                arguments.Should().NotContain(a => a.Contains(password) || a.Contains(Uri.EscapeDataString(password)), "the password goes through REDISCLI_AUTH");
            }

            var expected = (user is null ? (string[])["--no-auth-warning"] : ["--no-auth-warning", "--user", user]).Concat(["-u", bareUrl]).ToList();
            arguments.Should().ContainInConsecutiveOrder([.. expected, "EXISTS", key]).And.ContainInConsecutiveOrder([.. expected, "SET", key]);
            lines.Where(l => l.StartsWith("REDISCLI_AUTH=", StringComparison.Ordinal)).Should().HaveCount(2)
                .And.AllBe("REDISCLI_AUTH=" + (password ?? "<unset>"));
        }
        finally
        {
            stub.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_user_and_percent_encoded_password_in_the_url_authenticate()
    {
        redis.Cli("ACL", "SETUSER", "cigen-ci", "on", ">p@ss:w/rd %", "~*", "+@all").Should().Be("OK");
        var settings = With(Settings, "CIGEN_REDIS_URL", $"redis://cigen-ci:p%40ss%3Aw%2Frd%20%25@127.0.0.1:{redis.Port}");
        var key = Key().WithHash(NewHash());

        Lookup(key, settings).ExitCode.Should().Be(1);
        Record(key, settings).ExitCode.Should().Be(0);
        Lookup(key, settings).ExitCode.Should().Be(0);
    }

    [Fact]
    public void A_password_of_the_default_user_authenticates_in_both_url_forms()
    {
        using var own = new RedisServer();
        own.Cli("CONFIG", "SET", "requirepass", "s3cret").Should().Be("OK");
        var key = Key().WithHash(NewHash());

        Record(key, new Dictionary<string, string> { ["CIGEN_REDIS_URL"] = $"redis://:s3cret@127.0.0.1:{own.Port}" }).ExitCode.Should().Be(0);
        Lookup(key, new Dictionary<string, string> { ["CIGEN_REDIS_URL"] = $"redis://s3cret@127.0.0.1:{own.Port}" }).ExitCode.Should().Be(0);
        Lookup(key, new Dictionary<string, string> { ["CIGEN_REDIS_URL"] = $"redis://127.0.0.1:{own.Port}" }).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Without_redis_cli_the_lookup_says_what_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("cigen-nopath-");
        try
        {
            var lookup = MarkerRun.Run(Backend, MarkerOperation.Lookup, Key().WithHash(NewHash()), Settings, path: empty.FullName);

            lookup.ExitCode.Should().Be(2);
            lookup.StandardError.Should().Contain("redis-cli is not installed").And.Contain("redis-tools");
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Without_a_url_nothing_is_looked_up()
    {
        var lookup = Lookup(Key().WithHash(NewHash()), new Dictionary<string, string>());

        lookup.ExitCode.Should().Be(2);
        lookup.StandardError.Should().Contain("CIGEN_REDIS_URL is not set");
    }
}
