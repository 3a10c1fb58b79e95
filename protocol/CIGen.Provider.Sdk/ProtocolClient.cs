using CIGen.Protocol;
using CIGen.Provider.Sdk.Wire;
using StreamJsonRpc;

namespace CIGen.Provider.Sdk;

/// <summary>
/// The host's typed calls to a provider, kept beside <see cref="ProviderServer"/> so method names and the params shape
/// (one named-parameter object per request) are defined once for both ends.
/// </summary>
public sealed class ProtocolClient(JsonRpc rpc)
{
    /// <returns>The provider's answer; null only when a provider broke the contract and answered <c>null</c>.</returns>
    public Task<InitializeResult?> InitializeAsync(InitializeParams request, CancellationToken cancellationToken) =>
        InvokeAsync<InitializeResult?>(Methods.Initialize, WireFormat.ToNamedParams(request, ProtocolJsonContext.Default.InitializeParams), cancellationToken);

    /// <returns>The provider's answer; null only when a provider broke the contract and answered <c>null</c>.</returns>
    public Task<GenerateResult?> GenerateAsync(GenerateParams request, CancellationToken cancellationToken) =>
        InvokeAsync<GenerateResult?>(Methods.Generate, WireFormat.ToNamedParams(request, ProtocolJsonContext.Default.GenerateParams), cancellationToken);

    public Task ShutdownAsync(CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync(Methods.Shutdown, WireFormat.EmptyParams.Arguments, WireFormat.EmptyParams.DeclaredTypes, cancellationToken);

    private Task<T> InvokeAsync<T>(string method, NamedParams parameters, CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync<T>(method, parameters.Arguments, parameters.DeclaredTypes, cancellationToken);
}
