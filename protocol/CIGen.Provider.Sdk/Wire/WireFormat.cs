using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CIGen.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CIGen.Provider.Sdk.Wire;

/// <summary>
/// The one definition of how messages travel, shared by the host and the providers so both ends cannot drift apart:
/// JSON-RPC 2.0 with LSP-style <c>Content-Length</c> framing, System.Text.Json with the source-generated protocol
/// context (camelCase, nulls omitted).
/// </summary>
public static class WireFormat
{
    /// <summary>A message handler over a pair of raw byte streams. Each connection needs its own formatter.</summary>
    public static IJsonRpcMessageHandler CreateHandler(Stream sending, Stream receiving) =>
        new HeaderDelimitedMessageHandler(sending, receiving, CreateFormatter());

    // The formatter constructor is annotated as not AOT-hardened because it *can* fall back to reflection. It never
    // does here: every type that crosses the wire resolves through source-generated contexts, so the warning is moot.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "All wire types come from source-generated JSON contexts.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "All wire types come from source-generated JSON contexts.")]
    private static SystemTextJsonFormatter CreateFormatter() =>
        new()
        {
            // Copy the context's options: a context used as a mere resolver would not carry its camelCase policy.
            JsonSerializerOptions = new JsonSerializerOptions(ProtocolJsonContext.Default.Options)
            {
                TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, WireJsonContext.Default),
            },
        };

    /// <summary>
    /// The JSON-RPC <c>params</c> object for a request: the record's own camelCase properties as named arguments.
    /// Built through the source-generated serializer so the field names have one source of truth.
    /// </summary>
    public static NamedParams ToNamedParams<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var element = JsonSerializer.SerializeToElement(value, typeInfo);
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
            types[property.Name] = typeof(JsonElement);
        }

        return new NamedParams(arguments, types);
    }

    public static NamedParams EmptyParams { get; } =
        new(new Dictionary<string, object?>(), new Dictionary<string, Type>());
}

/// <summary>Named arguments with their declared types, as <see cref="JsonRpc.InvokeWithParameterObjectAsync(string, IReadOnlyDictionary{string, object?}, IReadOnlyDictionary{string, Type}?, CancellationToken)"/> wants them.</summary>
public sealed record NamedParams(IReadOnlyDictionary<string, object?> Arguments, IReadOnlyDictionary<string, Type> DeclaredTypes);

/// <summary>
/// Types StreamJsonRpc itself puts on the wire. Without <see cref="CommonErrorData"/> an unexpected exception in a
/// handler cannot be serialized and the connection drops instead of answering with an error. Without
/// <see cref="RequestId"/> the <c>$/cancelRequest</c> notification (<c>{"id": ...}</c>) can be neither sent nor read:
/// the formatter brings the converter, but a source-generated resolver must still list the type.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(CommonErrorData))]
[JsonSerializable(typeof(RequestId))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
