using System.Text;

namespace CIGen.Core.Skipping;

/// <summary>
/// The bash functions that look up and record a job's skip marker in an S3 bucket or in Redis, for providers to embed
/// in generated steps. Values reach them through the environment only (the marker key as the one argument; backend
/// settings as the variables below); the function text is fixed per backend and operation.
/// </summary>
/// <remarks>
/// <para>S3: <c>CIGEN_S3_BUCKET</c>, <c>CIGEN_S3_REGION</c>, <c>CIGEN_S3_ENDPOINT</c> (optional; then path-style
/// addressing), <c>CIGEN_S3_PREFIX</c> (optional, put before the key), credentials as the <c>aws</c> CLI reads them
/// (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>). Redis: <c>CIGEN_REDIS_URL</c>
/// (<c>redis://[user:pass@]host:port[/db]</c>), <c>CIGEN_REDIS_TTL</c> (seconds; default 30 days).</para>
/// <para>Each function runs in a subshell, so it leaves the caller's shell options, traps and variables alone and works
/// with or without <c>set -euo pipefail</c>. Exit codes: see <see cref="MarkerOperation"/>. A lookup exits 0 only when
/// the backend answered that the marker exists; anything else it cannot classify is 2 with a warning on stderr, so a
/// failure never skips a job. A failed record warns and exits 2; callers should not fail the job for it
/// (<c>cigen_marker_record "$KEY" || true</c>): a missing marker only means the next run with these inputs runs again.</para>
/// </remarks>
public static class MarkerScripts
{
    public const string LookupFunction = "cigen_marker_lookup";
    public const string RecordFunction = "cigen_marker_record";

    /// <summary>The name of the function <see cref="Function"/> defines for <paramref name="operation"/>.</summary>
    public static string FunctionName(MarkerOperation operation) => operation switch
    {
        MarkerOperation.Lookup => LookupFunction,
        MarkerOperation.Record => RecordFunction,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>
    /// The definition of <see cref="FunctionName"/> (<c>NAME KEY</c>) for <paramref name="backend"/>, ending in a newline;
    /// needs bash, and the <c>aws</c> CLI (v1 or v2) or <c>redis-cli</c>.
    /// </summary>
    public static string Function(MarkerBackend backend, MarkerOperation operation)
    {
        var (setup, body) = (backend, operation) switch
        {
            (MarkerBackend.S3, MarkerOperation.Lookup) => (S3MarkerScript.Setup, S3MarkerScript.Lookup),
            (MarkerBackend.S3, MarkerOperation.Record) => (S3MarkerScript.Setup, S3MarkerScript.Record),
            (MarkerBackend.Redis, MarkerOperation.Lookup) => (RedisMarkerScript.Setup, RedisMarkerScript.Lookup),
            (MarkerBackend.Redis, MarkerOperation.Record) => (RedisMarkerScript.Setup, RedisMarkerScript.Record),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), $"{backend}/{operation}", null),
        };
        return new StringBuilder()
            .Append(operation == MarkerOperation.Lookup ? LookupHeader : RecordHeader)
            .Append(FunctionName(operation)).Append("() (\n")
            .Append(operation == MarkerOperation.Lookup ? LookupWarning : RecordWarning)
            .Append(KeyCheck)
            .Append(setup)
            .Append(body)
            .Append(")\n")
            .ToString();
    }

    /// <summary>Bash for the marker's content: a few lines naming the key and the time, for whoever looks at it.</summary>
    internal const string MarkerText = """printf 'cigen skip marker\nkey=%s\nrecorded_at=%s\n' "$key" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" """;

    private const string LookupHeader = """
        # KEY: exit 0 when the skip marker KEY exists, 1 when it does not, 2 when the backend could not tell (warning on
        # stderr); only 0 skips the job.

        """;

    private const string RecordHeader = """
        # KEY: writes the skip marker KEY after the job succeeded; exit 0 when written, 2 when not (warning on stderr).

        """;

    private const string LookupWarning = """
          cigen_warn() { printf 'cigen: warning: skip marker %s: %s; the job runs\n' "$key" "$1" >&2; }

        """;

    private const string RecordWarning = """
          cigen_warn() { printf 'cigen: warning: skip marker %s not recorded: %s; the next run with these inputs runs again\n' "$key" "$1" >&2; }

        """;

    private const string KeyCheck = """
          key=${1-}
          if [[ -z $key ]]; then
            cigen_warn 'no marker key given'
            exit 2
          fi

        """;
}
