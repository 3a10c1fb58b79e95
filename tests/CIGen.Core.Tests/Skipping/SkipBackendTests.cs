using CIGen.Core.Skipping;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Skipping;

/// <summary>Which backend a skippable job's markers use, and what providers get of it (env, references, scripts).</summary>
public sealed class SkipBackendTests
{
    private const string Backends = """
        cache_backends:
          minio:
            type: s3
            bucket: ci-markers
            region: us-east-1
            endpoint: http://127.0.0.1:9000
            prefix: ci/
            access_key: ${MINIO_KEY}
            secret_key: ${{ secrets.MINIO_SECRET }}
          redis:
            url: ${REDIS_URL}
            ttl: 604800
        runners:
          fast:
            runs_on: ubuntu-latest
            skip_cache: minio
          plain:
            runs_on: ubuntu-latest

        """;

    private const string Jobs = """
        jobs:
          on_fast:
            runner: fast
            source_files: [src/**]
            steps: [{run: make}]
          on_plain:
            runner: plain
            source_files: [src/**]
            steps: [{run: make}]
          direct:
            runs_on: ubuntu-latest
            source_files: [src/**]
            steps: [{run: make}]
        """;

    private static SkipBackend BackendOf(Graph graph, string job) => graph.Workflows.Single().Jobs.Single(j => j.Id == job).Skipping!.Backend;

    private static Graph Load(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load().Clean();
    }

    [Fact]
    public void The_runner_profiles_skip_cache_wins_then_the_default_then_native()
    {
        var withDefault = Load(Backends + "skip_cache: {default: redis}\n" + Jobs);
        BackendOf(withDefault, "on_fast").Name.Should().Be("minio");
        BackendOf(withDefault, "on_plain").Name.Should().Be("redis");
        BackendOf(withDefault, "direct").Name.Should().Be("redis");

        var withoutDefault = Load(Backends + Jobs);
        BackendOf(withoutDefault, "on_fast").Name.Should().Be("minio");
        BackendOf(withoutDefault, "on_plain").Should().BeEquivalentTo(new SkipBackend { Name = "native", Type = "native" });
        BackendOf(withoutDefault, "direct").Name.Should().Be("native");
    }

    [Fact]
    public void S3_settings_become_the_scripts_variables_with_secret_references()
    {
        var backend = BackendOf(Load(Backends + Jobs), "on_fast");

        backend.Type.Should().Be("s3");
        backend.Env.Select(e => $"{e.Key}={e.Value.Text}").Should().Equal(
            "CIGEN_S3_BUCKET=ci-markers",
            "CIGEN_S3_REGION=us-east-1",
            "CIGEN_S3_ENDPOINT=http://127.0.0.1:9000",
            "CIGEN_S3_PREFIX=ci/",
            "AWS_ACCESS_KEY_ID=${MINIO_KEY}",
            "AWS_SECRET_ACCESS_KEY=${{ secrets.MINIO_SECRET }}");
        backend.EnvReferences.Select(e => (e.Key, e.Value)).Should().Equal(
            ("AWS_ACCESS_KEY_ID", new EnvReference(EnvReferenceKind.Secret, "MINIO_KEY")),
            ("AWS_SECRET_ACCESS_KEY", new EnvReference(EnvReferenceKind.Secret, "MINIO_SECRET")));
    }

    [Fact]
    public void Redis_settings_become_the_scripts_variables_and_the_ttl_stays_a_number()
    {
        var backend = BackendOf(Load(Backends + "skip_cache: {default: redis}\n" + Jobs), "direct");

        backend.Env.Select(e => (e.Key, e.Value)).Should().Equal(
            ("CIGEN_REDIS_URL", Scalar.String("${REDIS_URL}")),
            ("CIGEN_REDIS_TTL", Scalar.Number("604800")));
        backend.EnvReferences.Keys.Should().Equal("CIGEN_REDIS_URL");
    }

    [Fact]
    public void A_native_backend_has_no_env()
    {
        var backend = BackendOf(Load("skip_cache: {default: native}\n" + Jobs.Replace("runner: fast", "runs_on: x").Replace("runner: plain", "runs_on: y")), "direct");

        backend.Should().BeEquivalentTo(new SkipBackend { Name = "native", Type = "native" });
    }

    [Fact]
    public void A_literal_redis_url_without_a_password_is_kept_as_plain_text()
    {
        var backend = BackendOf(Load("skip_cache: {default: redis, backends: {redis: {url: 'redis://cache:6379/2'}}}\n" + Jobs.Replace("runner: fast", "runs_on: x").Replace("runner: plain", "runs_on: y")), "direct");

        backend.Env.Should().ContainSingle().Which.Value.Should().Be(Scalar.String("redis://cache:6379/2"));
        backend.EnvReferences.Should().BeEmpty();
    }
}
