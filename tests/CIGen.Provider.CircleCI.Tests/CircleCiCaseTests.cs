using CIGen.Protocol;
using CIGen.Testing.ProviderCases;

namespace CIGen.Provider.CircleCI.Tests;

/// <summary>
/// Every provider case under <c>tests/provider-cases/</c> that lists CircleCI, rendered by the CircleCI provider: the
/// shared checks (golden files in <c>Golden/&lt;case&gt;/</c>, CircleCI's schema, the semantic checks, shellcheck,
/// determinism).
/// </summary>
public sealed class CircleCiCaseTests() : ProviderCaseTests<CircleCiCaseTests.Provider>()
{
    public sealed class Provider : IProviderUnderTest
    {
        public static string Name => CircleCiProvider.Name;

        public static GenerateResult Generate(GenerateParams request) => new CircleCiProvider().Generate(request, CancellationToken.None);

        public static void AssertValid(IReadOnlyList<OutputFile> files) => Validators.AssertValidCircleCiConfigs(files);
    }
}
