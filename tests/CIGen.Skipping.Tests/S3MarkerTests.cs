using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

public sealed class S3MarkerTests(S3Server s3) : MarkerScenarios, IClassFixture<S3Server>
{
    protected override MarkerBackend Backend => MarkerBackend.S3;

    protected override IReadOnlyDictionary<string, string> Settings => SettingsFor(s3);

    protected override (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer()
    {
        var own = new S3Server();
        return (own, SettingsFor(own));
    }

    private static Dictionary<string, string> SettingsFor(S3Server server) => BackendSettings.S3(server);

    [Fact]
    public void A_wrong_bucket_means_run_not_skip()
    {
        var key = Key().WithHash(NewHash());
        Record(key).ExitCode.Should().Be(0);

        var lookup = Lookup(key, With(Settings, "CIGEN_S3_BUCKET", "no-such-bucket"));
        var record = Record(key, With(Settings, "CIGEN_S3_BUCKET", "no-such-bucket"));

        lookup.ExitCode.Should().Be(2, "a missing bucket is a broken setting, not a missing marker (stderr: {0})", lookup.StandardError);
        lookup.StandardError.Should().Contain("NoSuchBucket");
        record.ExitCode.Should().Be(2, record.StandardError);
    }

    [Fact]
    public void The_prefix_goes_before_the_key()
    {
        var key = Key().WithHash(NewHash());
        var prefixed = With(Settings, "CIGEN_S3_PREFIX", "ci/skip/");

        Record(key, prefixed).ExitCode.Should().Be(0);

        ListKeys("ci/skip/").Should().Contain("ci/skip/" + key);
        Lookup(key, prefixed).ExitCode.Should().Be(0);
        Lookup(key).ExitCode.Should().Be(1, "without the prefix it is another object");
    }

    [Fact]
    public void An_endpoint_by_host_name_is_addressed_by_path()
    {
        var key = Key().WithHash(NewHash());
        var byName = With(Settings, "CIGEN_S3_ENDPOINT", s3.Endpoint.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        Record(key, byName).ExitCode.Should().Be(0);

        Lookup(key, byName).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Without_the_aws_cli_the_lookup_says_what_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("cigen-nopath-");
        try
        {
            var lookup = MarkerRun.Run(Backend, MarkerOperation.Lookup, Key().WithHash(NewHash()), Settings, path: empty.FullName);

            lookup.ExitCode.Should().Be(2);
            lookup.StandardError.Should().Contain("aws CLI is not installed");
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Without_a_bucket_nothing_is_looked_up()
    {
        var lookup = Lookup(Key().WithHash(NewHash()), S3Server.Credentials);

        lookup.ExitCode.Should().Be(2);
        lookup.StandardError.Should().Contain("CIGEN_S3_BUCKET is not set");
    }

    private IReadOnlyList<string> ListKeys(string prefix)
    {
        var home = Directory.CreateTempSubdirectory("cigen-home-");
        try
        {
            var result = ShellRun.Run(
                "env",
                ["AWS_ACCESS_KEY_ID=" + S3Server.AccessKey, "AWS_SECRET_ACCESS_KEY=" + S3Server.AccessKey, "HOME=" + home.FullName,
                 "aws", "--region", "us-east-1", "--endpoint-url", s3.Endpoint, "s3api", "list-objects-v2",
                 "--bucket", S3Server.Bucket, "--prefix", prefix, "--query", "Contents[].Key", "--output", "text"],
                home.FullName);
            result.ExitCode.Should().Be(0, result.StandardError);
            return result.Text.Split(['\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            home.Delete();
        }
    }
}
