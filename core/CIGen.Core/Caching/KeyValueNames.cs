using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>One tool whose version goes into cache keys: the value it is printed as, and how to find it, in order.</summary>
public sealed record ToolVersion(string Value, IReadOnlyList<VersionProbe> Probes);

/// <summary>A digest of the files matching <paramref name="Globs"/>, printed as <paramref name="Value"/>.</summary>
public sealed record FilesDigest(string Value, IReadOnlyList<string> Globs);

/// <summary>
/// The values a key_values step always prints first (docs/config.md, "Cache keys"); the runtime's <c>keys</c>
/// operation computes them and the ones <see cref="Step.KeyValues"/> lists.
/// </summary>
public static class KeyValueNames
{
    public const string Os = "os";
    public const string OsVersion = "os_version";
    public const string Arch = "arch";

    public static bool IsReserved(string name) => name is Os or OsVersion or Arch;
}
