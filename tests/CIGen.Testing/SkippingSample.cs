using CIGen.Protocol;

namespace CIGen.Testing;

/// <summary>
/// A workflow with skippable jobs as the core sends it (docs/protocol.md, "JobSkipping"): <c>lint</c> (one marker),
/// <c>test</c> (a matrix over two architectures: one marker per leg, needs lint), <c>deploy</c> (never skipped, needs
/// test, only on main). Provider tests render it with each backend type.
/// </summary>
public static class SkippingSample
{
    /// <summary>The one config file the sample's jobs are read from (<see cref="HashInputs.DefinitionFiles"/>).</summary>
    public const string DefinitionFile = "cigen.yml";


    public static SkipBackend Native() => new() { Name = "native", Type = "native" };

    /// <summary>An S3 backend whose keys come from secrets (<c>access_key: ${AWS_KEY}</c> in the config).</summary>
    public static SkipBackend S3() => new()
    {
        Name = "minio",
        Type = "s3",
        Env = G.Env(
            ("CIGEN_S3_BUCKET", "ci-markers"),
            ("CIGEN_S3_REGION", "us-east-1"),
            ("CIGEN_S3_ENDPOINT", "https://minio.example.com"),
            ("AWS_ACCESS_KEY_ID", "${AWS_KEY}"),
            ("AWS_SECRET_ACCESS_KEY", "${AWS_SECRET}")),
        EnvReferences = References(("AWS_ACCESS_KEY_ID", "AWS_KEY"), ("AWS_SECRET_ACCESS_KEY", "AWS_SECRET")),
    };

    public static SkipBackend Redis() => new()
    {
        Name = "redis",
        Type = "redis",
        Env = G.Env(("CIGEN_REDIS_URL", "${REDIS_URL}"), ("CIGEN_REDIS_TTL", "604800")),
        EnvReferences = References(("CIGEN_REDIS_URL", "REDIS_URL")),
    };

    public static Job Lint(SkipBackend backend) => G.Job("lint", G.Checkout(), G.Run("make lint", "Lint")) with
    {
        CheckoutIndex = 0,
        SourceFiles = ["src/**", "Makefile"],
        Skipping = new JobSkipping
        {
            Inputs = new HashInputs { DefinitionFiles = [DefinitionFile], Include = ["src/.*", "Makefile"] },
            Markers = [new SkipMarker { Prefix = "cigen-skip-v1/linux-amd64/ci/lint/" }],
            Backend = backend,
        },
    };

    public static Job Test(SkipBackend backend) => G.Job("test", G.Checkout(), G.Run("make test", "Test")) with
    {
        CheckoutIndex = 0,
        Needs = ["lint"],
        SourceFiles = ["src/**", "tests/**"],
        Architectures = ["amd64", "arm64"],
        MatrixLegs = [MatrixSample.Leg("amd64", ("arch", "amd64")), MatrixSample.Leg("arm64", ("arch", "arm64"))],
        Skipping = new JobSkipping
        {
            Inputs = new HashInputs { DefinitionFiles = [DefinitionFile], Include = ["src/.*", "tests/.*"] },
            Markers =
            [
                new SkipMarker { Leg = "amd64", Prefix = "cigen-skip-v1/linux-amd64/ci/test_amd64/" },
                new SkipMarker { Leg = "arm64", Prefix = "cigen-skip-v1/linux-arm64/ci/test_arm64/" },
            ],
            Backend = backend,
        },
    };

    public static Job Deploy() => G.Job("deploy", G.Checkout(), G.Run("make deploy", "Deploy")) with
    {
        CheckoutIndex = 0,
        Needs = ["test"],
        If = "branch == 'main'",
        Condition = new Condition.Eq(new Condition.Ref("branch"), new Condition.Literal("main")),
    };

    public static Graph Graph(SkipBackend backend) => G.Graph(G.Workflow("ci", Lint(backend), Test(backend), Deploy()));

    private static OrderedDictionary<string, EnvReference> References(params (string Key, string Secret)[] entries)
    {
        var references = new OrderedDictionary<string, EnvReference>();
        foreach (var (key, secret) in entries)
        {
            references.Add(key, new EnvReference(EnvReferenceKind.Secret, secret));
        }

        return references;
    }
}
