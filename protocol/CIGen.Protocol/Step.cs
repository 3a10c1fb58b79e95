using System.Text.Json.Serialization;

namespace CIGen.Protocol;

/// <summary>The <c>kind</c> of each <see cref="Step"/> on the wire; also the user's word for a built-in checkout.</summary>
public static class StepKind
{
    public const string Run = "run";
    public const string Uses = "uses";
    public const string Checkout = "checkout";
    public const string Command = "command";
    public const string RestoreCache = "restore_cache";
    public const string SaveCache = "save_cache";
    public const string SetupPackage = "setup_package";
    public const string KeyValues = "key_values";
}

/// <summary>
/// One step of a job or command. On the wire a <c>kind</c> member says which of the derived records it is, and only
/// that kind's fields follow (docs/protocol.md, "Step").
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RunStep), StepKind.Run)]
[JsonDerivedType(typeof(UsesStep), StepKind.Uses)]
[JsonDerivedType(typeof(CheckoutStep), StepKind.Checkout)]
[JsonDerivedType(typeof(CommandStep), StepKind.Command)]
[JsonDerivedType(typeof(RestoreCacheStep), StepKind.RestoreCache)]
[JsonDerivedType(typeof(SaveCacheStep), StepKind.SaveCache)]
[JsonDerivedType(typeof(SetupPackageStep), StepKind.SetupPackage)]
[JsonDerivedType(typeof(KeyValuesStep), StepKind.KeyValues)]
public abstract record Step
{
    /// <summary>The step's <c>kind</c> on the wire (<see cref="StepKind"/>), for messages and lookups.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    public string? Name { get; init; }

    public string? Id { get; init; }

    /// <summary>The condition as the user wrote it.</summary>
    public string? If { get; init; }

    /// <summary><see cref="If"/> parsed; null when there is none (or a third-party host sends only the text).</summary>
    public Condition? Condition { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; set; } = [];

    /// <summary>The entries of <see cref="Env"/> whose value is a secret/variable reference, by env key.</summary>
    public OrderedDictionary<string, EnvReference> EnvReferences { get; set; } = [];

    /// <summary>
    /// The core's bookkeeping, never sent: set on the package and cache steps injected before the user's steps
    /// (setup, prepare, key values, restore, install), which the per-provider view places right after the first
    /// checkout that provider keeps (checkouts may differ per provider through <c>only:</c>).
    /// </summary>
    [JsonIgnore]
    public bool FollowsCheckout { get; init; }

    /// <summary>
    /// The core's bookkeeping, never sent: the canonical provider names the step is limited to (empty: every
    /// provider). The core drops the steps that are not for the receiving provider before it sends the graph.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> Only { get; init; } = [];

    public required SourceLocation Source { get; init; }
}

/// <summary>A shell script.</summary>
public sealed record RunStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.Run;

    public required string Run { get; init; }

    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Set on the runs the host injects to prepare a package's tool and install its dependencies, which tells them
    /// from the user's runs (GitHub moves them into its setup action); null on the user's own runs.
    /// </summary>
    public PackageUse? Package { get; init; }
}

/// <summary>A GitHub action (or an orb command a provider maps it to).</summary>
public sealed record UsesStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.Uses;

    /// <summary>The action reference: <c>owner/repo@ref</c>, <c>./path</c> or <c>docker://image</c>.</summary>
    public required string Uses { get; init; }

    public OrderedDictionary<string, Scalar> With { get; set; } = [];
}

/// <summary>Check out the repository.</summary>
public sealed record CheckoutStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.Checkout;
}

/// <summary>Run the steps of one of <see cref="Graph.Commands"/>.</summary>
public sealed record CommandStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.Command;

    /// <summary>The command's name.</summary>
    public required string Command { get; init; }
}

/// <summary>A step that restores or saves a cache entry.</summary>
public abstract record CacheEntryStep : Step
{
    /// <summary>
    /// The paths the entry holds: for <c>save_cache</c>, what to store; for <c>restore_cache</c>, those of the save
    /// that writes the entry (platforms that restore by path need them).
    /// </summary>
    public IReadOnlyList<string> Paths { get; set; } = [];

    /// <summary>The automatic cache's name (<c>gems</c>); null for a hand-written step.</summary>
    public string? Cache { get; init; }
}

/// <summary>Restore the first cache entry whose key matches, in lookup order.</summary>
public sealed record RestoreCacheStep : CacheEntryStep
{
    [JsonIgnore]
    public override string Kind => StepKind.RestoreCache;

    /// <summary>The keys in lookup order, as the user wrote them (empty for an automatic cache).</summary>
    public IReadOnlyList<string> Keys { get; set; } = [];

    /// <summary><see cref="Keys"/> parsed into parts, or the keys the host built for an automatic cache.</summary>
    public IReadOnlyList<CacheKey> CacheKeys { get; set; } = [];
}

/// <summary>Save paths under a key.</summary>
public sealed record SaveCacheStep : CacheEntryStep
{
    [JsonIgnore]
    public override string Kind => StepKind.SaveCache;

    /// <summary>The key as the user wrote it (null for an automatic cache).</summary>
    public string? Key { get; init; }

    /// <summary><see cref="Key"/> parsed into parts, or the key the host built for an automatic cache.</summary>
    public CacheKey CacheKey { get; set; } = new();
}

/// <summary>Make a tool available at the wanted version; platforms whose image brings the tool render nothing.</summary>
public sealed record SetupPackageStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.SetupPackage;

    public required PackageUse Package { get; init; }
}

/// <summary>
/// Run the runtime's <c>keys</c> operation (docs/protocol.md, "Runtime"), which prints one <c>name=value</c> line for
/// each of <see cref="Values"/>, and keep the values for the <c>value</c> parts of later cache keys.
/// </summary>
public sealed record KeyValuesStep : Step
{
    [JsonIgnore]
    public override string Kind => StepKind.KeyValues;

    /// <summary>The names the operation prints, in order: <c>os</c>, <c>os_version</c> and <c>arch</c>, then <see cref="KeyValues"/>'.</summary>
    public IReadOnlyList<string> Values { get; set; } = [];

    /// <summary>How each value after <c>os</c>, <c>os_version</c> and <c>arch</c> is found.</summary>
    public IReadOnlyList<KeyValue> KeyValues { get; set; } = [];
}
