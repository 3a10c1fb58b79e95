using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Fixtures;

/// <summary>Hand-built graphs with <c>circleci: {dynamic: true}</c>: a setup config and the pipeline it continues.</summary>
/// <remarks>The provider cases <c>skipping-dynamic</c> and <c>skipping-dynamic-native</c> show it on graphs the core made.</remarks>
internal static class DynamicConfig
{
    public static Graph Of(Graph graph) => graph with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Dynamic = true }) };
}
