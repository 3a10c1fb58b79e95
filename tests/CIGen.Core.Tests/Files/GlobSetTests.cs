using System.Text;
using CIGen.Core.Files;
using CIGen.Core.Tests.Support;
using CIGen.Testing;

namespace CIGen.Core.Tests.Files;

/// <summary>Each glob rule, checked in .NET and with the ERE under <c>LC_ALL=C grep -zE</c>, which must agree.</summary>
public class GlobSetTests
{
    [Theory]
    // `**` spans directories, none included
    [InlineData("**/*.cs", "a.cs", true)]
    [InlineData("**/*.cs", "x/y/a.cs", true)]
    [InlineData("src/**/a.cs", "src/a.cs", true)]
    [InlineData("src/**/a.cs", "src/x/y/a.cs", true)]
    [InlineData("src/**/a.cs", "srcx/a.cs", false)]
    [InlineData("src/**", "src/x/y", true)]
    [InlineData("src/**", "src", false)]
    [InlineData("**", "any/thing/at.all", true)]
    [InlineData("a/**/**/b", "a/b", true)]
    // `*` and `?` stay in one segment
    [InlineData("*.cs", "a.cs", true)]
    [InlineData("*.cs", "x/a.cs", false)]
    [InlineData("src/*", "src/x/a", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a**b", "a/b", false)]
    [InlineData("a**b", "axxb", true)]
    // braces alternate
    [InlineData("{Gemfile,Gemfile.lock}", "Gemfile.lock", true)]
    [InlineData("{Gemfile,Gemfile.lock}", "Gemfile.locks", false)]
    [InlineData("src/{a,b/**}/x", "src/b/c/d/x", true)]
    // dotfiles match
    [InlineData("*", ".env", true)]
    [InlineData("**/*.yml", ".github/workflows/ci.yml", true)]
    // literal metacharacters of ERE and .NET
    [InlineData("a.b", "axb", false)]
    [InlineData("a+(b)|c$^", "a+(b)|c$^", true)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("a]b", "a]b", true)]
    [InlineData("{a}", "{a}", true)]
    [InlineData("a b", "a b", true)]
    // classes
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[abc].txt", "d.txt", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[!a-c].txt", "d.txt", true)]
    [InlineData("[!a-c].txt", "b.txt", false)]
    [InlineData("[^a].txt", "b.txt", true)]
    [InlineData("x[!a]y", "x/y", false)]
    [InlineData("[]a].txt", "].txt", true)]
    [InlineData("[-^].txt", "^.txt", true)]
    [InlineData("[-^].txt", "-.txt", true)]
    [InlineData("[[].txt", "[.txt", true)]
    [InlineData("[.$*].txt", "$.txt", true)]
    [InlineData("[.$*].txt", "x.txt", false)]
    [InlineData("[^]^-].txt", "x.txt", true)]
    [InlineData("[^]^-].txt", "].txt", false)]
    [InlineData("[abc", "[abc", true)]
    [InlineData("[[:alpha:]]", "[[:alpha:]]", true)]
    [InlineData("[:alpha:]", "a", false)]
    // leading ./ and /, trailing /
    [InlineData("./Gemfile", "Gemfile", true)]
    [InlineData("/Gemfile", "Gemfile", true)]
    [InlineData("vendor/", "vendor/a/b", true)]
    // non-ASCII, newline and backslash in names
    [InlineData("données/*.txt", "données/é.txt", true)]
    [InlineData("*.txt", "é.txt", true)]
    [InlineData("?.txt", "é.txt", false)]
    [InlineData("??.txt", "é.txt", true)]
    [InlineData("*.txt", "a\nb.txt", true)]
    [InlineData("a?b", "a\nb", true)]
    [InlineData(@"a\\b", @"a\b", true)]
    [InlineData("*", @"a\b", true)]
    // excludes
    [InlineData("**/*.json;!**/secret.json", "a/secret.json", false)]
    [InlineData("**/*.json;!**/secret.json", "a/public.json", true)]
    [InlineData("a;b;!b", "b", false)]
    [InlineData("!x", "x", false)]
    public void Net_and_grep_agree(string globs /* ';'-separated */, string path, bool expected)
    {
        var set = GlobSet.Parse(globs.Split(';'));
        set.IsMatch(path).Should().Be(expected, "the .NET matcher");
        GrepSelects(set, [path]).Should().Equal(expected ? [path] : [], "grep -zE with " + set.IncludeEre + " / " + set.ExcludeEre);
    }

    [Fact]
    public void Ere_is_anchored_and_readable()
    {
        var set = GlobSet.Parse(["Gemfile", "**/*.lock", "!vendor/**"]);
        set.IncludeEre.Should().Be(@"^(Gemfile|(.*/)?[^/]*\.lock)$");
        set.ExcludeEre.Should().Be("^(vendor/.*)$");
        GlobSet.Parse(["a"]).ExcludeEre.Should().BeNull();
    }

    [Fact]
    public void Nothing_included_matches_nothing()
    {
        var set = GlobSet.Parse(["!a"]);
        set.IsMatch("b").Should().BeFalse();
        GrepSelects(set, ["b", "a"]).Should().BeEmpty();
    }

    /// <summary>What the key_values script's grep stage selects from a NUL-separated list.</summary>
    internal static IReadOnlyList<string> GrepSelects(GlobSet set, IReadOnlyList<string> paths)
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(paths.Select(p => p + "\0")));
        var script = """{ LC_ALL=C grep -zE -e "$1" || [[ $? == 1 ]]; } | { if [[ -n $2 ]]; then LC_ALL=C grep -zvE -e "$2" || [[ $? == 1 ]]; else cat; fi; }""";
        var result = ShellRun.Run("bash", ["-euo", "pipefail", "-c", script, "grep", set.IncludeEre, set.ExcludeEre ?? ""], Path.GetTempPath(), input);
        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardError.Should().BeEmpty();
        return result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
