using System.Text.Json;
using System.Text.Json.Serialization;

namespace CIGen.Protocol;

// The provider-neutral job graph: what the user meant, resolved and validated by the core. Providers decide only how
// their platform spells it. Every list keeps the user's order; nothing here depends on dictionary enumeration.
// Members with a default use `set`, not `init`: System.Text.Json's source generator assigns every init-only member
// in its object initializer, so a field a third-party host leaves out would lose its default (checkout: true).

/// <summary>Where an element was written, so a provider's diagnostic can point at the user's file.</summary>
/// <param name="File">Relative to the project root (the directory holding <c>.cigen/</c> or <c>cigen.yml</c>), '/'-separated.</param>
public sealed record SourceLocation(string File, int Line, int Column);

public sealed record Graph
{
    /// <summary>The config the graph came from, relative to the project root (<c>.cigen</c> or <c>cigen.yml</c>).</summary>
    public required string ConfigSource { get; init; }

    public IReadOnlyList<Workflow> Workflows { get; set; } = [];

    /// <summary>Reusable step lists, referenced from steps of kind <see cref="StepKind.Command"/>.</summary>
    public IReadOnlyList<Command> Commands { get; set; } = [];

    public IReadOnlyList<Service> Services { get; set; } = [];

    public IReadOnlyList<RunnerProfile> Runners { get; set; } = [];

    public string? DefaultRunner { get; init; }

    public IReadOnlyList<CacheBackend> CacheBackends { get; set; } = [];

    /// <summary>The backend skip markers use unless a runner profile says otherwise.</summary>
    public string? SkipCacheDefault { get; init; }

    public IReadOnlyList<CacheDefinition> CacheDefinitions { get; set; } = [];

    public IReadOnlyList<VersionSource> VersionSources { get; set; } = [];

    /// <summary>
    /// The config's top-level block named after the receiving provider (<c>github:</c> for
    /// <c>cigen-provider-github</c>, <c>NAME:</c> for <c>cigen-provider-NAME</c>), as JSON; null when there is none.
    /// Opaque to the contract: only that provider reads it (docs/protocol.md, "Provider settings").
    /// </summary>
    public JsonElement? ProviderSettings { get; set; }

    /// <summary>The core's bookkeeping, never sent: every provider's block, by canonical provider name.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ProviderBlocks { get; set; } = new Dictionary<string, JsonElement>();
}

public sealed record Workflow
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required SourceLocation Source { get; init; }

    public IReadOnlyList<Trigger> Triggers { get; set; } = [];

    public Permissions? Permissions { get; init; }

    public Concurrency? Concurrency { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    /// <summary>The entries of <see cref="Env"/> whose value is a secret/variable reference, by env key.</summary>
    public OrderedDictionary<string, EnvReference> EnvReferences { get; set; } = [];

    public IReadOnlyList<Job> Jobs { get; set; } = [];
}

/// <summary>One event of a workflow's <c>on:</c>. Empty lists mean "not given".</summary>
public sealed record Trigger
{
    /// <summary>GitHub's event name: push, pull_request, workflow_dispatch, schedule, …</summary>
    public required string Event { get; init; }

    public IReadOnlyList<string> Branches { get; set; } = [];

    public IReadOnlyList<string> BranchesIgnore { get; set; } = [];

    public IReadOnlyList<string> Tags { get; set; } = [];

    public IReadOnlyList<string> TagsIgnore { get; set; } = [];

    public IReadOnlyList<string> Paths { get; set; } = [];

    public IReadOnlyList<string> PathsIgnore { get; set; } = [];

    public IReadOnlyList<string> Types { get; set; } = [];

    /// <summary>Names of the workflows that trigger this one, for <c>workflow_run</c>.</summary>
    public IReadOnlyList<string> Workflows { get; set; } = [];

    /// <summary>Cron expressions, for <c>schedule</c>.</summary>
    public IReadOnlyList<string> Cron { get; set; } = [];

    /// <summary>Inputs, for <c>workflow_dispatch</c> and <c>workflow_call</c>.</summary>
    public IReadOnlyList<WorkflowInput> Inputs { get; set; } = [];

    public required SourceLocation Source { get; init; }
}

public sealed record WorkflowInput
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool? Required { get; init; }

    public Scalar? Default { get; init; }

    /// <summary>string, boolean, choice, number or environment.</summary>
    public string? Type { get; init; }

    public IReadOnlyList<string> Options { get; set; } = [];
}

/// <summary>Either one level for everything (<c>read-all</c>, <c>write-all</c>) or per-scope levels.</summary>
public sealed record Permissions
{
    public string? All { get; init; }

    public OrderedDictionary<string, string> Scopes { get; set; } = [];
}

public sealed record Concurrency
{
    public required string Group { get; init; }

    /// <summary>A boolean or an expression.</summary>
    public Scalar? CancelInProgress { get; init; }
}

public sealed record Job
{
    /// <summary>Unique within its workflow: the job file's name or the key under <c>jobs:</c>.</summary>
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>Every config file the job's definition is read from, relative to the project root (for the job hash).</summary>
    public IReadOnlyList<string> DefinitionFiles { get; set; } = [];

    /// <summary>AND dependencies: ids of jobs in the same workflow.</summary>
    public IReadOnlyList<string> Needs { get; set; } = [];

    /// <summary>OR dependencies: the job runs when any of these succeeded.</summary>
    public IReadOnlyList<string> RequiresAny { get; set; } = [];

    /// <summary>The condition as the user wrote it.</summary>
    public string? If { get; init; }

    /// <summary><see cref="If"/> parsed; null when there is none (or a third-party host sends only the text).</summary>
    public Condition? Condition { get; init; }

    /// <summary>Container image the steps run in.</summary>
    public string? Image { get; init; }

    public RunnerSelection? Runner { get; init; }

    /// <summary>Canonical names (<c>amd64</c>, <c>arm64</c>); empty means the platform default.</summary>
    public IReadOnlyList<string> Architectures { get; set; } = [];

    public IReadOnlyList<MatrixDimension> Matrix { get; set; } = [];

    /// <summary>The user's <c>matrix.include</c> entries, for providers with a native matrix (the legs already apply them).</summary>
    public IReadOnlyList<OrderedDictionary<string, Scalar>> MatrixInclude { get; set; } = [];

    /// <summary>The user's <c>matrix.exclude</c> entries, for providers with a native matrix (the legs already apply them).</summary>
    public IReadOnlyList<OrderedDictionary<string, Scalar>> MatrixExclude { get; set; } = [];

    /// <summary><c>matrix.fail_fast</c>: cancel the other legs when one fails; null means the platform default.</summary>
    public bool? FailFast { get; init; }

    /// <summary>
    /// Every combination the job runs as, computed by the core (architectures first as <c>arch</c>, then the dimensions in
    /// the user's order, exclude and include applied). Empty for a job with neither architectures nor a matrix.
    /// </summary>
    public IReadOnlyList<MatrixLeg> MatrixLegs { get; set; } = [];

    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    /// <summary>The entries of <see cref="Env"/> whose value is a secret/variable reference, by env key.</summary>
    public OrderedDictionary<string, EnvReference> EnvReferences { get; set; } = [];

    public IReadOnlyList<Service> Services { get; set; } = [];

    public IReadOnlyList<PackageUse> Packages { get; set; } = [];

    public IReadOnlyList<string> Cache { get; set; } = [];

    /// <summary>Globs with <c>@group</c> references expanded; a leading '!' excludes.</summary>
    public IReadOnlyList<string> SourceFiles { get; set; } = [];

    /// <summary>False when the user turned skipping off for this job.</summary>
    public bool Skip { get; set; } = true;

    /// <summary>
    /// The core's bookkeeping, never sent: false when the user said <c>skip_on_tags: false</c> (on the job or at the top
    /// level). Providers read <see cref="JobSkipping.SkipOnTags"/>.
    /// </summary>
    [JsonIgnore]
    public bool SkipOnTags { get; set; } = true;

    /// <summary>How the job is skipped when its inputs are unchanged; null when it is never skipped (no <c>source_files</c>, or <c>skip: false</c>).</summary>
    public JobSkipping? Skipping { get; init; }

    /// <summary>False when the user dropped the automatic checkout.</summary>
    public bool Checkout { get; set; } = true;

    /// <summary>
    /// The index in <see cref="Steps"/>, as sent, of the first step that checks out the repository (a <c>checkout</c>,
    /// a <c>uses: actions/checkout</c>, or a <c>command</c> containing one at any depth; conditions do not matter),
    /// decided by the host with the rule in docs/protocol.md; null when none does. Whatever a provider adds that needs
    /// the sources goes right after that step, a whole command included: providers never look for checkouts themselves.
    /// </summary>
    public int? CheckoutIndex { get; set; }

    public int? TimeoutMinutes { get; init; }

    /// <summary><c>approval</c> for a manual gate; null for an ordinary job.</summary>
    public string? Type { get; init; }

    /// <summary>The job's block named after the receiving provider, as JSON (see <see cref="Graph.ProviderSettings"/>); null when there is none.</summary>
    public JsonElement? ProviderSettings { get; set; }

    /// <summary>The core's bookkeeping, never sent: the job's block for every provider, by canonical provider name.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ProviderBlocks { get; set; } = new Dictionary<string, JsonElement>();

    public IReadOnlyList<Step> Steps { get; set; } = [];
}

/// <summary>How the job picks its machine: a named profile, or labels / a resource class given directly.</summary>
public sealed record RunnerSelection
{
    public string? Profile { get; init; }

    public IReadOnlyList<string> RunsOn { get; set; } = [];

    public string? ResourceClass { get; init; }
}

public sealed record MatrixDimension(string Name, IReadOnlyList<Scalar> Values);

/// <summary>One combination of a matrix job.</summary>
public sealed record MatrixLeg
{
    /// <summary>The leg's values by name (<c>arch</c> first when the job has architectures), as <c>${{ matrix.X }}</c> sees them.</summary>
    public OrderedDictionary<string, Scalar> Values { get; set; } = [];

    /// <summary>What a provider that runs one job per leg appends to the job's name after <c>_</c> (see docs/protocol.md).</summary>
    public required string Suffix { get; init; }
}

/// <summary>A tool the job needs, as the user asked for it and as the host resolved it against the repository.</summary>
public sealed record PackageUse
{
    /// <summary><c>node</c>, <c>rust</c>, <c>python</c>, <c>ruby</c>, <c>go</c> or <c>dotnet</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The user's options, keys as written.</summary>
    public OrderedDictionary<string, Scalar> Options { get; set; } = [];

    public IReadOnlyList<string> Components { get; set; } = [];

    /// <summary>The version the config asks for (option <c>version</c>); null: see <see cref="SetupVersion"/>.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// The package's directory relative to the project root, '/'-separated (option <c>path</c>, or the one
    /// subdirectory holding the package's files); null: the root. Install steps run there and the package's caches
    /// live there.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>
    /// The file the version is read from, relative to the project root: option <c>version_file</c>, else the first of
    /// the tool's version files that exists at generate time (<c>.nvmrc</c>, <c>.ruby-version</c>, <c>go.mod</c>, ...),
    /// looked for in <see cref="Directory"/> first, then in the root (<c>apps/api/.ruby-version</c>).
    /// </summary>
    public string? VersionFile { get; init; }

    /// <summary>The version <see cref="VersionFile"/> held at generate time, normalised (<c>v20.11.0</c> → <c>20.11.0</c>).</summary>
    public string? FileVersion { get; init; }

    /// <summary>
    /// The version every provider sets up: <see cref="Version"/>, else <see cref="FileVersion"/>, else the lowest the
    /// project's manifest allows (Cargo.toml <c>rust-version</c>, pyproject.toml <c>requires-python</c>, package.json
    /// <c>engines.node</c>, the Gemfile's <c>ruby</c>), else the host's default for the tool (<c>lts/*</c>,
    /// <c>stable</c>, <c>3.13</c>, ...). Null only for a tool the host does not know.
    /// </summary>
    public string? SetupVersion { get; init; }

    /// <summary>
    /// The dependency manager the job installs with: node <c>npm</c>/<c>pnpm</c>/<c>yarn</c>/<c>bun</c>, python
    /// <c>pip</c>/<c>poetry</c>/<c>pipenv</c>/<c>uv</c>/<c>pdm</c>, ruby <c>bundler</c>, rust <c>cargo</c>, go <c>go</c>,
    /// dotnet <c>dotnet</c>; null when the repository has nothing to install.
    /// </summary>
    public string? Manager { get; init; }
}

public sealed record Command
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<Step> Steps { get; set; } = [];

    public required SourceLocation Source { get; init; }
}

public sealed record Service
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public IReadOnlyList<string> Ports { get; set; } = [];

    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    public ServiceHealth? Health { get; init; }

    public required SourceLocation Source { get; init; }
}

public sealed record ServiceHealth
{
    public required string Cmd { get; init; }

    public string? Interval { get; init; }

    public string? Timeout { get; init; }

    public int? Retries { get; init; }
}

public sealed record RunnerProfile
{
    public required string Name { get; init; }

    public IReadOnlyList<string> RunsOn { get; set; } = [];

    public string? Group { get; init; }

    public string? ResourceClass { get; init; }

    public string? CacheBackend { get; init; }

    public string? SkipCache { get; init; }
}

public sealed record CacheBackend
{
    public required string Name { get; init; }

    /// <summary>native, s3 or redis.</summary>
    public required string Type { get; init; }

    /// <summary>Backend settings; values written <c>${NAME}</c> are references to CI secrets/variables.</summary>
    public OrderedDictionary<string, Scalar> Settings { get; set; } = [];
}

public sealed record CacheDefinition
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Versions { get; set; } = [];

    public IReadOnlyList<string> ChecksumSources { get; set; } = [];

    public IReadOnlyList<string> Paths { get; set; } = [];
}

public sealed record VersionSource
{
    public required string Tool { get; init; }

    public IReadOnlyList<VersionProbe> Probes { get; set; } = [];
}

/// <summary>One way to find a tool's version: a file (optionally with a regex), or a command.</summary>
public sealed record VersionProbe(string? File = null, string? Pattern = null, string? Command = null);

