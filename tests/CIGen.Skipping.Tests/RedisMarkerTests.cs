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
