using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// How a backend's config settings reach the marker scripts: the variable each setting becomes (docs/config.md,
/// "Skipping"), in the order the variables are set. A setting missing from the config sets no variable.
/// </summary>
internal static class SkipBackendEnv
{
    public static readonly IReadOnlyList<(string Setting, string Variable)> S3 =
    [
        ("bucket", "CIGEN_S3_BUCKET"),
        ("region", "CIGEN_S3_REGION"),
        ("endpoint", "CIGEN_S3_ENDPOINT"),
        ("prefix", "CIGEN_S3_PREFIX"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ];

    public static readonly IReadOnlyList<(string Setting, string Variable)> Redis =
    [
        ("url", "CIGEN_REDIS_URL"),
        ("ttl", "CIGEN_REDIS_TTL"),
    ];

    /// <summary>The mapping of a backend type; empty for <c>native</c>, whose markers the platform's cache holds.</summary>
    public static IReadOnlyList<(string Setting, string Variable)> For(string type) => type switch
    {
        "s3" => S3,
        "redis" => Redis,
        _ => [],
    };

    /// <summary>The variables of <paramref name="backend"/>'s settings, values kept as written (<c>${NAME}</c> included).</summary>
    public static OrderedDictionary<string, Scalar> Of(CacheBackend backend)
    {
        var env = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        foreach (var (setting, variable) in For(backend.Type))
        {
            if (backend.Settings.TryGetValue(setting, out var value))
            {
                env.Add(variable, value);
            }
        }

        return env;
    }
}
