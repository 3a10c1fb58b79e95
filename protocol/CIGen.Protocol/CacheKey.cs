using System.Text.Json.Serialization;

namespace CIGen.Protocol;

/// <summary>
/// A cache key as a sequence of parts, decided by the host (docs/protocol.md, "CacheKey"): the key is the parts'
/// texts concatenated. The host builds keys for automatic caches and parses the keys of hand-written
/// <c>restore_cache</c>/<c>save_cache</c> steps into the same parts, so a provider spells one structure.
/// </summary>
public sealed record CacheKey
{
    public IReadOnlyList<KeyPart> Parts { get; set; } = [];
}

/// <summary>The <c>kind</c> of each <see cref="KeyPart"/> on the wire.</summary>
public static class KeyPartKind
{
    public const string Literal = "literal";
    public const string Value = "value";
    public const string Checksum = "checksum";
    public const string Branch = "branch";
    public const string Revision = "revision";
    public const string Env = "env";
    public const string Epoch = "epoch";
    public const string Arch = "arch";
    public const string Matrix = "matrix";
}

/// <summary>One part of a <see cref="CacheKey"/>: a <c>kind</c> and only that kind's fields.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Literal), KeyPartKind.Literal)]
[JsonDerivedType(typeof(Value), KeyPartKind.Value)]
[JsonDerivedType(typeof(Checksum), KeyPartKind.Checksum)]
[JsonDerivedType(typeof(Branch), KeyPartKind.Branch)]
[JsonDerivedType(typeof(Revision), KeyPartKind.Revision)]
[JsonDerivedType(typeof(Env), KeyPartKind.Env)]
[JsonDerivedType(typeof(Epoch), KeyPartKind.Epoch)]
[JsonDerivedType(typeof(Arch), KeyPartKind.Arch)]
[JsonDerivedType(typeof(Matrix), KeyPartKind.Matrix)]
public abstract record KeyPart
{
    /// <summary>The part's <c>kind</c> on the wire (<see cref="KeyPartKind"/>), for messages and lookups.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>Fixed text.</summary>
    public sealed record Literal(string Text) : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Literal;
    }

    /// <summary>
    /// A value the job's <see cref="KeyValuesStep"/> prints at run time: the runner's OS, OS version and
    /// architecture, a tool's version, or a digest of files.
    /// </summary>
    public sealed record Value(string Name) : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Value;
    }

    /// <summary>
    /// A digest of the files matching <paramref name="Files"/>: globs relative to the repository root (<c>**</c>,
    /// <c>*</c>, <c>?</c>, a leading <c>!</c> excludes; braces already expanded by the host), read when the step runs;
    /// files that do not exist contribute nothing. <paramref name="Digest"/> names the <see cref="KeyValuesStep"/> value
    /// that holds the same digest computed in the job's shell, for platforms without a function that hashes files by
    /// glob; null for a hand-written <c>{{ checksum "file" }}</c>, which names one file.
    /// </summary>
    public sealed record Checksum(IReadOnlyList<string> Files, string? Digest = null) : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Checksum;
    }

    /// <summary>The branch being built.</summary>
    public sealed record Branch : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Branch;
    }

    /// <summary>The commit being built.</summary>
    public sealed record Revision : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Revision;
    }

    /// <summary>The environment variable <paramref name="Name"/>.</summary>
    public sealed record Env(string Name) : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Env;
    }

    /// <summary>A number that differs on every run (CircleCI's <c>{{ epoch }}</c>): each save makes a new entry.</summary>
    public sealed record Epoch : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Epoch;
    }

    /// <summary>The machine's OS and CPU architecture, spelled by the platform (CircleCI's <c>{{ arch }}</c>).</summary>
    public sealed record Arch : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Arch;
    }

    /// <summary>
    /// The job's matrix value <paramref name="Name"/> in the leg that runs (<c>${{ matrix.NAME }}</c>; empty in a
    /// leg without it). The host puts it into the keys of per-job caches, so each leg keeps its own build output.
    /// </summary>
    public sealed record Matrix(string Name) : KeyPart
    {
        [JsonIgnore]
        public override string Kind => KeyPartKind.Matrix;
    }
}
