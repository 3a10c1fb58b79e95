namespace CIGen.Protocol;

/// <summary>
/// How a job is skipped when its inputs are unchanged since it last succeeded (docs/protocol.md, "JobSkipping"). The
/// host decides everything a platform does not spell: which jobs are skippable, the hash script, the marker names
/// and the backend's scripts and variables.
/// </summary>
public sealed record JobSkipping
{
    /// <summary>What JOB_HASH covers; the runtime's <c>hash</c> operation computes it (docs/protocol.md, "Runtime").</summary>
    public HashInputs Inputs { get; set; } = new();

    /// <summary>
    /// <see cref="SkipRefScope.None"/>, or what of the ref a marker names: <see cref="SkipRefScope.Kind"/> (branch, tag
    /// or pull request) or <see cref="SkipRefScope.Name"/> (the kind and the ref's name); see <see cref="RefScoped"/>.
    /// </summary>
    public string RefScope { get; set; } = SkipRefScope.None;

    /// <summary>Bash, run at the repository root after the checkout, that prints the job's JOB_HASH (64 lowercase hex digits).</summary>
    public required string HashScript { get; init; }

    /// <summary>One marker per matrix leg, or one for a job without legs, in the order of <see cref="Job.MatrixLegs"/>.</summary>
    public IReadOnlyList<SkipMarker> Markers { get; set; } = [];

    public required SkipBackend Backend { get; init; }

    /// <summary>
    /// True when the job's steps or conditions depend on the ref (branch, tag, pull request): a marker then names the
    /// kind of ref it was recorded on — <see cref="SkipMarker.Prefix"/> + REF_KIND + <c>/</c> + JOB_HASH, REF_KIND
    /// printed by <see cref="RefKindScript"/> — so a run on another kind of ref never finds it (a tag run of a commit
    /// that passed on a branch runs its tag-only steps).
    /// </summary>
    public bool RefScoped { get; set; }

    /// <summary>False when the job must run on every tag run (<c>skip_on_tags: false</c>): no lookup there; the marker is still recorded.</summary>
    public bool SkipOnTags { get; set; } = true;

    /// <summary>
    /// Set when <see cref="RefScoped"/> is true or <see cref="SkipOnTags"/> false: bash that prints this run's REF_KIND
    /// (<c>branch</c>, <c>tag</c> or <c>pull_request</c>) from the platform's variables; run it in the step that hashes.
    /// </summary>
    public string? RefKindScript { get; set; }
}

/// <summary>A marker's name is <see cref="Prefix"/> followed by the JOB_HASH computed in CI.</summary>
public sealed record SkipMarker
{
    /// <summary>The leg's <see cref="MatrixLeg.Suffix"/>; null for a job without legs.</summary>
    public string? Leg { get; init; }

    /// <summary>Everything of the marker's name but the hash, e.g. <c>cigen-skip-v1/linux-amd64/ci/test/</c>.</summary>
    public required string Prefix { get; init; }
}

/// <summary>Where markers live: the platform's own cache (<c>native</c>), an S3 bucket or a Redis server.</summary>
public sealed record SkipBackend
{
    /// <summary>The backend's name in the config (<c>native</c> when none is configured).</summary>
    public required string Name { get; init; }

    /// <summary><c>native</c>, <c>s3</c> or <c>redis</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Variables the scripts read (<c>CIGEN_S3_BUCKET</c>, <c>CIGEN_REDIS_URL</c>, ...), to set on the steps that run them.</summary>
    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    /// <summary>The entries of <see cref="Env"/> whose value is a secret/variable reference, by env key.</summary>
    public OrderedDictionary<string, EnvReference> EnvReferences { get; set; } = [];

    /// <summary>
    /// <c>s3</c>/<c>redis</c>: bash defining <c>cigen_marker_lookup KEY</c>, which exits 0 when the marker exists (skip),
    /// 1 when it does not (run) and 2 when the backend cannot be asked (run: never a false skip).
    /// </summary>
    public string? LookupScript { get; init; }

    /// <summary><c>s3</c>/<c>redis</c>: bash defining <c>cigen_marker_record KEY</c>; a failure (exit 2) must not fail the job.</summary>
    public string? RecordScript { get; init; }

    /// <summary>
    /// <c>s3</c>/<c>redis</c>: bash to run before <see cref="LookupScript"/> or <see cref="RecordScript"/> in the same
    /// shell: installs the backend's client (<c>aws</c>, <c>redis-cli</c>) when it is missing, and only warns when it cannot.
    /// </summary>
    public string? ClientScript { get; init; }
}

/// <summary>Values of <see cref="JobSkipping.RefScope"/>.</summary>
public static class SkipRefScope
{
    public const string None = "none";
    public const string Kind = "kind";
    public const string Name = "name";
}

/// <summary>
/// The files a job's hash covers (docs/config.md, "Job hash"): every file whose path matches one of
/// <see cref="Include"/> and none of <see cref="Exclude"/>, plus <see cref="DefinitionFiles"/>, which must exist.
/// </summary>
public sealed record HashInputs
{
    /// <summary>The config files the job's definition is read from, relative to the project root.</summary>
    public IReadOnlyList<string> DefinitionFiles { get; set; } = [];

    /// <summary>One POSIX ERE per <c>source_files</c> glob (braces expanded), unanchored: a path matches <c>^(E1|E2|…)$</c>.</summary>
    public IReadOnlyList<string> Include { get; set; } = [];

    /// <summary>One POSIX ERE per excluded glob (written with a leading <c>!</c>), unanchored.</summary>
    public IReadOnlyList<string> Exclude { get; set; } = [];
}
