using System.Text.Json;
using CIGen.Core.Caching;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Config.Model;

// The config as written, typed and shape-checked but not yet resolved: references (jobs, groups, commands, services,
// runners, backends, caches) are still names with the place they were written, so resolution can point at them.
// Parts that need no resolution use the protocol records directly.

internal sealed record Located<T>(T Value, SourceLocation Location);

internal sealed record ConfigModel
{
    public IReadOnlyList<string> Providers { get; init; } = [];

    public string? OutputPath { get; init; }

    public string? OutputFilename { get; init; }

    /// <summary>As written: relative to the output root, or absolute.</summary>
    public IReadOnlyList<string> ProviderPaths { get; init; } = [];

    /// <summary>Default architectures (canonical names); null when not given.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    public IReadOnlyList<SourceFileGroup> SourceFileGroups { get; init; } = [];

    /// <summary>Default packages; null when not given.</summary>
    public IReadOnlyList<PackageUse>? Packages { get; init; }

    /// <summary>Default caches; null when not given.</summary>
    public IReadOnlyList<Located<string>>? Cache { get; init; }

    public IReadOnlyList<CacheDefinitionModel> CacheDefinitions { get; init; } = [];

    public IReadOnlyList<VersionSource> VersionSources { get; init; } = [];

    public IReadOnlyList<RunnerModel> Runners { get; init; } = [];

    public Located<string>? DefaultRunner { get; init; }

    public IReadOnlyList<Located<CacheBackend>> CacheBackends { get; init; } = [];

    public Located<string>? SkipCacheDefault { get; init; }

    /// <summary>The top-level <c>skip_on_tags</c>, the default of every job; null when not given (true).</summary>
    public bool? SkipOnTags { get; init; }

    public IReadOnlyList<Service> Services { get; init; } = [];

    /// <summary>Variables for every job: the top-level <c>env</c>.</summary>
    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    /// <summary>The first-party providers' top-level blocks, validated, by canonical provider name.</summary>
    public IReadOnlyDictionary<string, JsonElement> ProviderBlocks { get; init; } = new Dictionary<string, JsonElement>();

    public IReadOnlyList<WorkflowModel> Workflows { get; init; } = [];

    public IReadOnlyList<CommandModel> Commands { get; init; } = [];

    /// <summary>Files every job is defined by (config.yml and fragments, or the inline file).</summary>
    public IReadOnlyList<string> RootFiles { get; init; } = [];
}

internal sealed record SourceFileGroup(string Name, IReadOnlyList<Located<string>> Patterns);

internal sealed record RunnerModel(RunnerProfile Profile, Located<string>? CacheBackend, Located<string>? SkipCache, SourceLocation Location);

internal sealed record CommandModel(Command Command, string File);

internal sealed record WorkflowModel
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>Null when <c>on</c> is not given.</summary>
    public IReadOnlyList<Trigger>? Triggers { get; init; }

    public Permissions? Permissions { get; init; }

    public Concurrency? Concurrency { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public IReadOnlyList<JobModel> Jobs { get; init; } = [];

    /// <summary>Workflow settings files the workflow's jobs are defined by.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

internal sealed record JobModel
{
    public required string Id { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>The file the job is written in.</summary>
    public required string File { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<Located<string>> Needs { get; init; } = [];

    public IReadOnlyList<Located<string>> RequiresAny { get; init; } = [];

    public string? If { get; init; }

    public Condition? Condition { get; init; }

    public string? Image { get; init; }

    public Located<string>? RunnerProfile { get; init; }

    public IReadOnlyList<string> RunsOn { get; init; } = [];

    public string? ResourceClass { get; init; }

    /// <summary>Canonical names; null when the job does not set its own.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    public MatrixModel Matrix { get; init; } = MatrixModel.None;

    /// <summary>The job's providers' blocks (<c>github:</c>), validated, by canonical provider name.</summary>
    public IReadOnlyDictionary<string, JsonElement> ProviderBlocks { get; init; } = new Dictionary<string, JsonElement>();

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public IReadOnlyList<ServiceUse> Services { get; init; } = [];

    /// <summary>Null when the job does not set its own.</summary>
    public IReadOnlyList<PackageUse>? Packages { get; init; }

    /// <summary>Null when the job does not set its own.</summary>
    public IReadOnlyList<Located<string>>? Cache { get; init; }

    public IReadOnlyList<Located<string>> SourceFiles { get; init; } = [];

    public bool Skip { get; init; } = true;

    /// <summary><c>skip_on_tags</c>; null when the job does not set it (the top-level value applies).</summary>
    public bool? SkipOnTags { get; init; }

    public bool Checkout { get; init; } = true;

    public int? TimeoutMinutes { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<Step> Steps { get; init; } = [];
}

/// <summary>A service a job uses: a reference to a top-level service, or one defined in place.</summary>
internal sealed record ServiceUse(Located<string>? Reference, Service? Inline);

/// <summary>One <c>include</c> or <c>exclude</c> item of a matrix.</summary>
internal sealed record MatrixEntry(OrderedDictionary<string, Scalar> Values, SourceLocation Source);

/// <summary>A job's matrix as written; the graph builder turns it into legs (combinations).</summary>
internal sealed record MatrixModel(
    IReadOnlyList<MatrixDimension> Dimensions,
    IReadOnlyList<MatrixEntry> Include,
    IReadOnlyList<MatrixEntry> Exclude,
    bool? FailFast)
{
    public static readonly MatrixModel None = new([], [], [], null);
}
