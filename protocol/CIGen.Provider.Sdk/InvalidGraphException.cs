using CIGen.Protocol;

namespace CIGen.Provider.Sdk;

/// <summary>
/// The graph breaks a rule that docs/protocol.md §6 "What the host guarantees" promises. That is a bug in the host,
/// not in the user's config, so it is no diagnostic: <see cref="ProviderServer"/> answers the request with the
/// JSON-RPC error <see cref="ErrorCodes.InvalidGraph"/> naming it.
/// </summary>
public sealed class InvalidGraphException(string message) : Exception(message)
{
    public static InvalidGraphException Broken(string guarantee, SourceLocation? at) =>
        new($"the graph breaks the host's guarantee that {guarantee}{(at is null ? "" : $" (at {at.File}:{at.Line}:{at.Column})")}; "
            + "this is a bug in the host, not in the config");
}
