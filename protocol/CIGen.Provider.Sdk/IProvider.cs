using CIGen.Protocol;

namespace CIGen.Provider.Sdk;

/// <summary>What a C# provider implements; <see cref="ProviderServer"/> serves it over the protocol on stdio.</summary>
public interface IProvider
{
    /// <summary>Name, version, capabilities and owned outputs, answered to <c>initialize</c>.</summary>
    ProviderDescription Describe();

    /// <summary>Renders the graph. User-facing problems go into the result's diagnostics, never exceptions.</summary>
    GenerateResult Generate(GenerateParams request, CancellationToken cancellationToken);
}

public sealed record ProviderDescription(
    string Name,
    string Version,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Outputs);
