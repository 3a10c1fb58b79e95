using CIGen.Protocol;

namespace CIGen.Testing.ProviderCases;

/// <summary>What <see cref="ProviderCaseTests{TProvider}"/> needs from a provider test project: the provider, run in-process, and its validators.</summary>
public interface IProviderUnderTest
{
    /// <summary>The provider's canonical name (<c>github</c>, <c>circleci</c>): it picks the cases and the graph's view.</summary>
    static abstract string Name { get; }

    /// <summary>Runs the provider on a request as the host would send it over JSON-RPC.</summary>
    static abstract GenerateResult Generate(GenerateParams request);

    /// <summary>Fails listing every finding of the provider's validators; called once with every case's files, so each tool starts once.</summary>
    static abstract void AssertValid(IReadOnlyList<OutputFile> files);
}
