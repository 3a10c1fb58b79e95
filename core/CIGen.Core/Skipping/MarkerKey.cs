using System.Text.RegularExpressions;

namespace CIGen.Core.Skipping;

/// <summary>
/// The name of a job's skip marker, the same text in every backend and provider:
/// <c>cigen-skip-v1/{os}-{arch}/{workflow}/{job}/{JOB_HASH}</c> (S3 adds its prefix in front). Ids never contain
/// <c>/</c>, so no two jobs share a key (with <c>-</c> between parts, workflow <c>a-b</c> + job <c>c</c> and workflow
/// <c>a</c> + job <c>b-c</c> would).
/// </summary>
/// <remarks>
/// Os and arch are the job's declared target platform, decided at generate time, so a planning job running elsewhere
/// computes the same key; <see cref="Job"/> is the job id, or <c>&lt;id&gt;_&lt;leg suffix&gt;</c> for a matrix leg
/// (<see cref="ForLeg"/>). Everything but the hash is known at generate time (<see cref="Prefix"/>); CI appends the
/// hash it computes.
/// </remarks>
public sealed partial record MarkerKey
{
    public const string Version = "cigen-skip-v1";

    /// <exception cref="ArgumentException">A part with characters the key does not accept (see each property).</exception>
    public MarkerKey(string os, string arch, string workflow, string job)
    {
        Os = Check(os, nameof(os), Platform(), "lowercase ASCII letters and digits (linux, macos, windows)");
        Arch = Check(arch, nameof(arch), Platform(), "lowercase ASCII letters and digits (amd64, arm64)");
        Workflow = Check(workflow, nameof(workflow), Name(), "ASCII letters, digits, '_' and '-'");
        Job = Check(job, nameof(job), Name(), "ASCII letters, digits, '_' and '-'");
    }

    /// <summary>[a-z0-9]+.</summary>
    public string Os { get; }

    /// <summary>[a-z0-9]+, canonical (amd64, arm64).</summary>
    public string Arch { get; }

    /// <summary>[A-Za-z0-9_-]+, the workflow id.</summary>
    public string Workflow { get; }

    /// <summary>[A-Za-z0-9_-]+, the job id or <c>&lt;id&gt;_&lt;leg suffix&gt;</c>.</summary>
    public string Job { get; }

    /// <summary>The key up to and including the slash before the hash: what generated CI prepends to <c>JOB_HASH</c>.</summary>
    public string Prefix => $"{Version}/{Os}-{Arch}/{Workflow}/{Job}/";

    /// <summary>The key of a matrix leg: the job part is <c>&lt;jobId&gt;_&lt;legSuffix&gt;</c> (MatrixLeg.Suffix).</summary>
    public static MarkerKey ForLeg(string os, string arch, string workflow, string jobId, string legSuffix) =>
        new(os, arch, workflow, $"{jobId}_{legSuffix}");

    /// <summary>The whole key for <paramref name="jobHash"/>, the lowercase hex SHA-256 of the job's inputs.</summary>
    /// <exception cref="ArgumentException"><paramref name="jobHash"/> is not 64 lowercase hex digits.</exception>
    public string WithHash(string jobHash) =>
        Prefix + Check(jobHash, nameof(jobHash), Hash(), "64 lowercase hex digits (a SHA-256)");

    /// <summary>Whether <paramref name="value"/> can be the workflow or job part of a key (ids the config rejects cannot).</summary>
    public static bool AcceptsName(string value) => Name().IsMatch(value);

    private static string Check(string value, string part, Regex pattern, string allowed)
    {
        ArgumentNullException.ThrowIfNull(value, part);
        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"`{value}` cannot be the {part} of a skip-marker key; it takes {allowed}", part);
        }

        return value;
    }

    [GeneratedRegex(@"\A[a-z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Platform();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\A[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Hash();
}
