using CIGen.Core.Files;

namespace CIGen.Core.Tests.Files;

public class GlobsTests
{
    [Theory]
    [InlineData("src/**/*.cs", "src/**/*.cs")]
    [InlineData("{a,b}", "a|b")]
    [InlineData("x{a,b}y", "xay|xby")]
    [InlineData("{a,b}{1,2}", "a1|a2|b1|b2")]
    [InlineData("{a,{b,c}d}", "a|bd|cd")]
    [InlineData("a{,.lock}", "a|a.lock")]
    [InlineData("{a}", "{a}")]
    [InlineData("{x{a,b}}", "{xa}|{xb}")]
    [InlineData("{a,b", "{a,b")]
    [InlineData("a,b}", "a,b}")]
    [InlineData(@"\{a,b}", @"\{a,b}")]
    [InlineData(@"{a\,b,c}", @"a\,b|c")]
    [InlineData("{b,a,b}", "b|a|b")]
    public void Expands_braces_like_bash(string glob, string expected) =>
        Globs.ExpandBraces(glob).Should().Equal(expected.Split('|'));
}
