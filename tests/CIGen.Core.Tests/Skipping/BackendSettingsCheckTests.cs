using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Skipping;

/// <summary>Secrets only as references, and values the marker scripts can use, reported at the value.</summary>
public sealed class BackendSettingsCheckTests
{
    private const string Job = "jobs:\n  build:\n    source_files: [src/**]\n    steps: [{run: make}]\n";

    private static LoadResult Load(string backends)
    {
        using var tree = ConfigTree.Inline("cache_backends:\n" + backends + Job);
        return tree.Load();
    }

    [Theory]
    [InlineData("access_key: AKIAEXAMPLE", "access_key", 10)]
    [InlineData("secret_key: 'wJalrXUtn'", "secret_key", 10)]
    public void A_plain_text_s3_key_is_an_error_at_the_value(string setting, string name, int column)
    {
        Load($"  s3:\n    bucket: b\n    region: r\n    {setting}\n").Single()
            .ShouldBe(DiagnosticCodes.PlainTextSecret, "cigen.yml", 5, column + 7, $"`{name}` of cache backend `s3` is written in plain text", "write `${");
    }

    [Fact]
    public void An_s3_key_from_a_ci_variable_is_an_error_too()
    {
        Load("  s3:\n    bucket: b\n    region: r\n    access_key: ${{ vars.KEY }}\n").Single()
            .ShouldBe(DiagnosticCodes.PlainTextSecret, "cigen.yml", 5, 17, "reads a CI variable, which is not kept secret", "`${KEY}`");
    }

    [Fact]
    public void S3_keys_as_secret_references_are_fine()
    {
        Load("  s3:\n    bucket: b\n    region: r\n    access_key: ${KEY}\n    secret_key: ${{ secrets.SECRET }}\n").Clean();
    }

    [Fact]
    public void A_redis_url_with_a_plain_password_is_a_warning_saying_to_use_a_secret()
    {
        var result = Load("  redis:\n    url: redis://:hunter2@cache:6379\n");

        result.Graph.Should().NotBeNull("a warning does not stop generation");
        result.Single().ShouldBe(DiagnosticCodes.PasswordInUrl, "cigen.yml", 3, 10, "holds a password in plain text", "`${REDIS_URL}`")
            .Severity.Should().Be(Severity.Warning);
    }

    [Theory]
    [InlineData("redis://user@cache:6379")]
    [InlineData("rediss://cache:6380/1")]
    [InlineData("${REDIS_URL}")]
    public void A_redis_url_without_a_password_or_from_a_secret_is_fine(string url)
    {
        Load($"  redis:\n    url: '{url}'\n").Clean();
    }

    [Theory]
    [InlineData("  redis:\n    url: cache:6379\n", 3, 10, "not a Redis URL")]
    [InlineData("  redis:\n    url: ${U}\n    ttl: 7d\n", 4, 10, "whole number of seconds")]
    [InlineData("  redis:\n    url: ${U}\n    ttl: 0\n", 4, 10, "whole number of seconds")]
    [InlineData("  s3:\n    bucket: b\n    region: r\n    endpoint: minio:9000\n", 5, 15, "not a URL")]
    public void Values_the_scripts_cannot_use_are_errors_at_the_value(string backends, int line, int column, string message)
    {
        Load(backends).Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", line, column, message);
    }
}
