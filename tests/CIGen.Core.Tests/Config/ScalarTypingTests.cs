using CIGen.Core.Config;
using CIGen.Core.Config.Yaml;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

public class ScalarTypingTests
{
    [Theory]
    [InlineData("1", "Number")]
    [InlineData("-12.5", "Number")]
    [InlineData("1e3", "Number")]
    [InlineData("0", "Number")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("yes", "String")]
    [InlineData("on", "String")]
    [InlineData("y", "String")]
    [InlineData("010", "String")]
    [InlineData("0x1F", "String")]
    [InlineData("+1", "String")]
    [InlineData(".5", "String")]
    [InlineData(".inf", "String")]
    [InlineData("3.10.1", "String")]
    public void Plain_scalars_follow_yaml_1_2_and_json_numbers(string text, string expected) =>
        ScalarTyping.OfPlain(text).ToString().Should().Be(expected);

    [Fact]
    public void Values_keep_the_type_the_user_gave_them()
    {
        using var tree = ConfigTree.Inline(
            "env:\n  A: 1\n  B: true\n  C: '1'\n  D: yes\n  E: \"true\"\n  F: !!str 2\n  G: 3.10\n  H: 010\n  I:\n  J: |\n    text\njobs:\n  a:\n    steps: [checkout]\n");
        var env = tree.Load().Clean().Workflows[0].Env;

        env.Should().Equal(new Dictionary<string, Scalar>
        {
            ["A"] = Scalar.Number("1"),
            ["B"] = Scalar.Boolean(true),
            ["C"] = Scalar.String("1"),
            ["D"] = Scalar.String("yes"),
            ["E"] = Scalar.String("true"),
            ["F"] = Scalar.String("2"),
            ["G"] = Scalar.Number("3.10"),
            ["H"] = Scalar.String("010"),
            ["I"] = Scalar.String(""),
            ["J"] = Scalar.String("text\n"),
        });
    }

    [Fact]
    public void Yaml_1_1_on_key_is_a_plain_string_key()
    {
        using var tree = ConfigTree.Inline("workflows:\n  ci:\n    on: push\n    jobs:\n      a:\n        steps: [checkout]\n");

        tree.Load().Clean().Workflows[0].Triggers.Single().Event.Should().Be("push");
    }
}
