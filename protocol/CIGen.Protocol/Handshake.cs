namespace CIGen.Protocol;

public sealed record HostInfo(string Name, string Version);

public sealed record VersionRange(int Min, int Max);

/// <summary>Params of <c>initialize</c>: the host offers a range of protocol versions.</summary>
public sealed record InitializeParams(VersionRange ProtocolVersions, HostInfo Host);

/// <summary>Result of <c>initialize</c>: the provider picks one version from the offered range.</summary>
/// <param name="Outputs">Path patterns (relative, '/'-separated, '*' wildcards) of the files this provider owns.</param>
public sealed record InitializeResult(
    string Name,
    string Version,
    int ProtocolVersion,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Outputs);
