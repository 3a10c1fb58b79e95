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

/// <summary>What a <see cref="KeyPart"/> stands for.</summary>
public static class KeyPartKind
{
    /// <summary>Fixed text, in <see cref="KeyPart.Text"/>.</summary>
    public const string Literal = "literal";

    /// <summary>
    /// A value the job's <see cref="StepKind.KeyValues"/> step prints at run time (<see cref="KeyPart.Name"/>): the
    /// runner's OS, OS version and architecture, a tool's version, or a digest of files.
    /// </summary>
    public const string Value = "value";

    /// <summary>A digest of the files matching <see cref="KeyPart.Files"/> (globs, read when the step runs).</summary>
    public const string Checksum = "checksum";

    /// <summary>The branch being built.</summary>
    public const string Branch = "branch";

    /// <summary>The commit being built.</summary>
    public const string Revision = "revision";

    /// <summary>The environment variable <see cref="KeyPart.Name"/>.</summary>
    public const string Env = "env";

    /// <summary>A number that differs on every run (CircleCI's <c>{{ epoch }}</c>): each save makes a new entry.</summary>
    public const string Epoch = "epoch";

    /// <summary>The machine's OS and CPU architecture, spelled by the platform (CircleCI's <c>{{ arch }}</c>).</summary>
    public const string Arch = "arch";

    /// <summary>
    /// The job's matrix value <see cref="KeyPart.Name"/> in the leg that runs (<c>${{ matrix.NAME }}</c>; empty in a
    /// leg without it). The host puts it into the keys of per-job caches, so each leg keeps its own build output.
    /// </summary>
    public const string Matrix = "matrix";
}

public sealed record KeyPart
{
    /// <summary>One of <see cref="KeyPartKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>literal</c>: the text.</summary>
    public string? Text { get; init; }

    /// <summary><c>value</c>: the value's name; <c>env</c>: the variable's name; <c>matrix</c>: the matrix value's name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// <c>checksum</c>: globs relative to the repository root (<c>**</c>, <c>*</c>, <c>?</c>, a leading <c>!</c>
    /// excludes; braces already expanded by the host). Files that do not exist contribute nothing.
    /// </summary>
    public IReadOnlyList<string> Files { get; set; } = [];

    /// <summary>
    /// <c>checksum</c>: the name of the <see cref="StepKind.KeyValues"/> value that holds the same digest, computed in
    /// the job's shell, for platforms without a function that hashes files by glob. Absent for a hand-written
    /// <c>{{ checksum "file" }}</c>, which names one file.
    /// </summary>
    public string? Value { get; init; }
}
