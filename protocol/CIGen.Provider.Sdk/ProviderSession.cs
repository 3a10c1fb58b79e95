using CIGen.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CIGen.Provider.Sdk;

/// <summary>
/// The provider's side of one connection: enforces the lifecycle (initialize, then generate any number of times, then
/// shutdown) and turns the provider's failures into JSON-RPC errors instead of dropped connections.
/// </summary>
internal sealed class ProviderSession(IProvider provider, TextWriter log)
{
    private readonly Lock gate = new();
    private int? protocolVersion;
    private bool shutDown;

    /// <summary>
    /// Registers the methods by their wire names. Method by method (not the attribute scan of a whole class) because
    /// that is the registration StreamJsonRpc supports without runtime code generation. Params arrive as one object
    /// (JSON-RPC named parameters) that is deserialized whole into the params record.
    /// </summary>
    public static void Register(JsonRpc rpc, ProviderSession session)
    {
        rpc.AddLocalRpcMethod(
            typeof(ProviderSession).GetMethod(nameof(Initialize))!,
            session,
            new JsonRpcMethodAttribute(Methods.Initialize) { UseSingleObjectParameterDeserialization = true });
        rpc.AddLocalRpcMethod(
            typeof(ProviderSession).GetMethod(nameof(GenerateAsync))!,
            session,
            new JsonRpcMethodAttribute(Methods.Generate) { UseSingleObjectParameterDeserialization = true });
        rpc.AddLocalRpcMethod(typeof(ProviderSession).GetMethod(nameof(Shutdown))!, session, new JsonRpcMethodAttribute(Methods.Shutdown));
    }

    public InitializeResult Initialize(InitializeParams request)
    {
        if (request?.ProtocolVersions is null)
        {
            throw Fault(JsonRpcErrorCode.InvalidParams, "initialize needs params {\"protocolVersions\": {\"min\": N, \"max\": N}, \"host\": {...}}.");
        }

        var supported = ProtocolVersions.Supported;
        var chosen = ProtocolVersions.HighestCommon(request.ProtocolVersions, supported) ?? throw Fault(
            ErrorCodes.UnsupportedProtocolVersion,
            $"Unsupported protocol version: the host speaks {request.ProtocolVersions.Describe()}, this provider speaks {supported.Describe()}.");

        var description = provider.Describe();
        lock (gate)
        {
            protocolVersion = chosen;
        }

        return new InitializeResult(description.Name, description.Version, chosen, description.Capabilities, description.Outputs);
    }

    public async Task<GenerateResult> GenerateAsync(GenerateParams request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (shutDown)
            {
                throw Fault(JsonRpcErrorCode.InvalidRequest, "generate after shutdown.");
            }

            if (protocolVersion is null)
            {
                throw Fault(ErrorCodes.NotInitialized, "generate before initialize: call initialize first.");
            }
        }

        if (request?.Graph is null)
        {
            throw Fault(JsonRpcErrorCode.InvalidParams, "generate needs params {\"graph\": {...}, \"options\": {...}}.");
        }

        var options = request.Options ?? new GenerateOptions();
        try
        {
            return await Task.Run(() => provider.Generate(request with { Options = options }, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InvalidGraphException exception)
        {
            throw Fault(ErrorCodes.InvalidGraph, exception.Message);
        }
        catch (Exception exception)
        {
            // A provider bug, not a user problem: answer with an error naming it, and keep the stack trace in the log.
            log.WriteLine($"generate failed: {exception}");
            throw Fault(JsonRpcErrorCode.InternalError, $"The provider failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Shutdown()
    {
        lock (gate)
        {
            shutDown = true;
        }
    }

    private static LocalRpcException Fault(int code, string message) => new(message) { ErrorCode = code };

    private static LocalRpcException Fault(JsonRpcErrorCode code, string message) => Fault((int)code, message);
}
