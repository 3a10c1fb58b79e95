namespace CIGen.Skipping.Tests.Support;

/// <summary>
/// The marker backends the runtime asks itself (<c>CIGEN_BACKEND</c>). The platform's own cache (<c>type: native</c>)
/// is not here: providers spell it with the platform's cache steps.
/// </summary>
public enum MarkerBackend
{
    /// <summary><c>type: s3</c>: an object in a bucket, through the <c>aws</c> CLI (AWS, MinIO, any S3 endpoint).</summary>
    S3,

    /// <summary><c>type: redis</c>: a key with a TTL, through <c>redis-cli</c>.</summary>
    Redis,
}

/// <summary>What the runtime's marker functions do with a job's marker key.</summary>
public enum MarkerOperation
{
    /// <summary>Exit 0 when the marker exists (skip), 1 when it does not (run), 2 when the backend failed (run).</summary>
    Lookup,

    /// <summary>Write the marker after the job succeeded: exit 0 when written, 2 (with a warning) when not.</summary>
    Record,
}
