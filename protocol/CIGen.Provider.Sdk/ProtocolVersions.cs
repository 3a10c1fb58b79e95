using CIGen.Protocol;

namespace CIGen.Provider.Sdk;

/// <summary>Version negotiation, the same rule on both ends: the highest version both sides speak.</summary>
public static class ProtocolVersions
{
    /// <summary>The range this build of the protocol library speaks.</summary>
    public static VersionRange Supported { get; } = new(ProtocolInfo.MinimumVersion, ProtocolInfo.CurrentVersion);

    /// <summary>The highest version in both ranges, or null when they do not overlap.</summary>
    public static int? HighestCommon(VersionRange offered, VersionRange supported)
    {
        var highest = Math.Min(offered.Max, supported.Max);
        var lowest = Math.Max(offered.Min, supported.Min);
        return highest >= lowest ? highest : null;
    }

    public static bool Contains(this VersionRange range, int version) => version >= range.Min && version <= range.Max;

    /// <summary><c>1</c> or <c>1-3</c>, for messages.</summary>
    public static string Describe(this VersionRange range) => range.Min == range.Max ? $"{range.Min}" : $"{range.Min}-{range.Max}";
}
