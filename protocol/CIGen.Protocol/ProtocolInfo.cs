namespace CIGen.Protocol;

/// <summary>Protocol versions and the fixed names every peer agrees on.</summary>
public static class ProtocolInfo
{
    /// <summary>The protocol version this build speaks. Bump only for breaking changes; additions keep the number.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest protocol version this build still speaks.</summary>
    public const int MinimumVersion = 2;

    /// <summary>
    /// Environment variable the host sets when it starts a provider. A provider that does not find it refuses to run:
    /// not a security measure, it stops people from running a provider by hand and wondering why it waits.
    /// </summary>
    public const string MagicCookieName = "CIGEN_PROVIDER_MAGIC";

    public const string MagicCookieValue = "a3f1c0de-cigen-provider-v1";

    /// <summary>Executables named <c>cigen-provider-NAME</c> are providers.</summary>
    public const string ExecutablePrefix = "cigen-provider-";
}

/// <summary>JSON-RPC method names: part of the wire contract, so spelled out rather than derived from .NET names.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Generate = "generate";
    public const string Shutdown = "shutdown";
}

/// <summary>Application error codes for protocol faults (outside JSON-RPC's and LSP's reserved ranges).</summary>
public static class ErrorCodes
{
    public const int UnsupportedProtocolVersion = -31001;
    public const int NotInitialized = -31002;
    public const int InvalidGraph = -31003;
}
