namespace CIGen.Protocol;

/// <summary>
/// How a job is skipped when its inputs are unchanged since it last succeeded (docs/protocol.md, "JobSkipping"). The
/// host decides everything a platform does not spell: which jobs are skippable, what the hash covers, the marker names
/// and the backend's variables; the runtime (docs/protocol.md, "Runtime") does the work in CI.
/// </summary>
public sealed record JobSkipping
{
    /// <summary>What JOB_HASH covers; the runtime's <c>hash</c> operation computes it (docs/protocol.md, "Runtime").</summary>
    public HashInputs Inputs { get; set; } = new();

    /// <summary>
    /// <see cref="SkipRefScope.None"/>, or what of the ref a marker names: <see cref="SkipRefScope.Kind"/> (branch, tag
    /// or pull request) or <see cref="SkipRefScope.Name"/> (the kind and the ref's name). A job whose steps or
    /// conditions depend on the ref is scoped: its marker is <see cref="SkipMarker.Prefix"/> + REF_KIND + <c>/</c> +
    /// JOB_HASH, so a run on another kind of ref never finds it (a tag run of a commit that passed on a branch runs its
    /// tag-only steps).
    /// </summary>
    public string RefScope { get; set; } = SkipRefScope.None;

    /// <summary>One marker per matrix leg, or one for a job without legs, in the order of <see cref="Job.MatrixLegs"/>.</summary>
    public IReadOnlyList<SkipMarker> Markers { get; set; } = [];

    public required SkipBackend Backend { get; init; }

    /// <summary>False when the job must run on every tag run (<c>skip_on_tags: false</c>): no lookup there; the marker is still recorded.</summary>
    public bool SkipOnTags { get; set; } = true;
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

    /// <summary>Variables the runtime reads (<c>CIGEN_S3_BUCKET</c>, <c>CIGEN_REDIS_URL</c>, ...), to set on the steps that run them.</summary>
    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    /// <summary>The entries of <see cref="Env"/> whose value is a secret/variable reference, by env key.</summary>
    public OrderedDictionary<string, EnvReference> EnvReferences { get; set; } = [];
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

    /// <summary>
    /// The user's <c>source_file_groups</c> behind <see cref="Include"/> and <see cref="Exclude"/>: every group the job's
    /// <c>source_files</c> name, directly or through another group, each once, a group after the groups it names. Their
    /// EREs are in <see cref="Include"/> and <see cref="Exclude"/> already, so a provider may ignore them; one that hashes
    /// several jobs can write each group's records once and let the jobs name it (the runtime's <c>inputs</c>/<c>uses</c>).
    /// A group is the same in every job, so such shared records do not change when a job is added.
    /// </summary>
    public IReadOnlyList<InputGroup> Groups { get; set; } = [];
}

/// <summary>A named group of globs (<c>source_file_groups</c>) as hash records: its own EREs and the groups it names.</summary>
public sealed record InputGroup
{
    /// <summary>The group's name in the config, without the <c>@</c> that names it in <c>source_files</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The groups this one names, each earlier in <see cref="HashInputs.Groups"/>: their records are this group's too.</summary>
    public IReadOnlyList<string> Groups { get; set; } = [];

    /// <summary>One POSIX ERE per glob of the group's own (braces expanded), unanchored, as in <see cref="HashInputs.Include"/>.</summary>
    public IReadOnlyList<string> Include { get; set; } = [];

    /// <summary>One POSIX ERE per excluded glob of the group's own, unanchored.</summary>
    public IReadOnlyList<string> Exclude { get; set; } = [];
}
