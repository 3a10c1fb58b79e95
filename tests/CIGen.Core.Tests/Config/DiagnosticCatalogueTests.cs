using System.Reflection;
using CIGen.Core.Config;
using CIGen.Testing;

namespace CIGen.Core.Tests.Config;

public class DiagnosticCatalogueTests
{
    private static IReadOnlyList<string> Codes =>
        [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Codes_are_unique_and_stable_in_shape()
    {
        Codes.Should().OnlyHaveUniqueItems();
        Codes.Should().AllSatisfy(code => code.Should().MatchRegex(@"^CIG\d{3}$"));
    }

    [Fact]
    public void Every_code_is_in_the_error_catalogue_of_the_user_reference()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "config.md"));

        Codes.Should().AllSatisfy(code => docs.Should().Contain($"| {code} |"));
    }
}
