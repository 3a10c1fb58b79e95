using CIGen.Provider.CircleCI.Rendering;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

public class RefPatternTests
{
    [Theory]
    [InlineData("main", "main")]
    [InlineData("release/1.0", "release/1.0")]
    [InlineData("v*", "/^v[^/]*$/")]
    [InlineData("releases/**", "/^releases/.*$/")]
    [InlineData("**", "/^.*$/")]
    [InlineData("v[12].[0-9]+", @"/^v[12]\.[0-9]+$/")]
    [InlineData("feature?", "/^feature?$/")]
    [InlineData(@"weird\*name", @"/^weird\*name$/")]
    [InlineData("a(b)|c^$", "a(b)|c^$")]
    [InlineData("a(b)|c^$.*", @"/^a\(b\)\|c\^\$\.[^/]*$/")]
    [InlineData("release/**/rc", "/^release/(.*/)?rc$/")]
    [InlineData("v*?", "/^v[^/]*$/")]                    // a quantifier after a wildcard adds nothing (not Java's lazy *?)
    public void Keeps_exact_names_and_turns_github_patterns_into_anchored_regexes(string pattern, string expected)
    {
        RefPatterns.ToCircleCi(pattern, out var error).Should().Be(expected, error);
    }

    [Theory]
    [InlineData("v[1")]
    [InlineData("v[._]")]
    [InlineData(@"v\")]
    public void A_pattern_github_rejects_is_no_specifier_with_the_reason(string pattern)
    {
        RefPatterns.ToCircleCi(pattern, out var error).Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("v*", "v1.2", true)]
    [InlineData("v*", "v1/2", false)]
    [InlineData("releases/**", "releases/a/b", true)]
    [InlineData("releases/**", "hotfix/a", false)]
    [InlineData("v[12].[0-9]+", "v1.10", true)]
    [InlineData("v[12].[0-9]+", "v3.1", false)]
    [InlineData("v[12].[0-9]+", "v1x1", false)]
    public void The_regexes_match_what_github_matches(string pattern, string name, bool matches)
    {
        var regex = RefPatterns.ToCircleCi(pattern, out _)![1..^1];

        System.Text.RegularExpressions.Regex.IsMatch(name, regex).Should().Be(matches);
    }

    [Theory]
    [InlineData("main", "main")]
    [InlineData("v1.2", @"v1\.2")]
    [InlineData(@"a(b)|c^$.*+?{1}[x]\z", @"a\(b\)\|c\^\$\.\*\+\?\{1\}\[x\]\\z")]
    public void Literal_escapes_every_regex_character_and_matches_only_the_text_itself(string text, string expected)
    {
        var literal = RefPatterns.Literal(text);

        literal.Should().Be(expected);
        RefPatterns.IsLiteral(literal).Should().BeTrue();
        System.Text.RegularExpressions.Regex.IsMatch(text, $"^{literal}$").Should().BeTrue();
        System.Text.RegularExpressions.Regex.IsMatch(text + "x", $"^{literal}$").Should().BeFalse();
    }

    [Theory]
    [InlineData("v.*")]
    [InlineData("a|b")]
    [InlineData(@"v\")]
    public void Text_with_an_unescaped_regex_character_is_not_a_literal(string regex)
    {
        RefPatterns.IsLiteral(regex).Should().BeFalse();
    }
}
