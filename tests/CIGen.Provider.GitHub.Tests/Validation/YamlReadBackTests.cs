using CIGen.Provider.Sdk.Yaml;
using CIGen.Testing;
using Xunit.Sdk;

namespace CIGen.Provider.GitHub.Tests.Validation;

/// <summary>The parse-back check behind the writer's tests must catch each way YAML text can betray its model.</summary>
public class YamlReadBackTests
{
    [Theory]
    [InlineData("k: 3.10\n", "expected string \"3.10\", read Single")]
    [InlineData("k: yes\n", "YAML 1.1 reads it as another type")]
    [InlineData("k: 'other'\n", "expected string")]
    [InlineData("other: '3.10'\n", "keys [other] instead of [k]")]
    [InlineData("k: [a]\n", "expected a scalar")]
    [InlineData("k: [\n", "does not parse")]
    public void Rejects_text_that_does_not_mean_the_model(string text, string problem)
    {
        var model = new YamlMapping { { "k", text.Contains("yes") ? "yes" : "3.10" } };

        FluentActions.Invoking(() => YamlReadBack.AssertMeans(model, text)).Should().Throw<XunitException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void Rejects_a_number_written_as_a_string_and_a_wrong_key_order()
    {
        FluentActions.Invoking(() => YamlReadBack.AssertMeans(new YamlMapping { { "n", YamlScalar.Int(1) } }, "n: '1'\n"))
            .Should().Throw<XunitException>().WithMessage("*expected number 1*");
        FluentActions.Invoking(() => YamlReadBack.AssertMeans(new YamlMapping { { "a", "x" }, { "b", "y" } }, "b: y\na: x\n"))
            .Should().Throw<XunitException>().WithMessage("*keys [b, a] instead of [a, b]*");
    }
}
