using System.Text;
using CIGen.Provider.GitHub.Rendering.Skipping;
using CIGen.Provider.Sdk.Patterns;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// GitHub's filter patterns compiled to anchored POSIX EREs (<see cref="FilterPattern"/>): the expression each rule
/// gives, the patterns that are none, and the examples of GitHub's filter pattern cheat sheet (paths, branches and
/// tags use one syntax) matched by bash's own <c>=~</c> under <c>LC_ALL=C</c>, as the plan job's script matches them.
/// </summary>
public sealed class FilterPatternTests
{
    private static FilterPattern Compile(string pattern)
    {
        FilterPattern.TryCompile(pattern, out var compiled, out var error).Should().BeTrue(error);
        return compiled!;
    }

    [Theory]
    [InlineData("README.md", @"^README\.md$")]
    [InlineData("docs/a b-c_d@e,f=g~h%i", "^docs/a b-c_d@e,f=g~h%i$")]
    [InlineData("(a)|{b}^$.c", @"^\(a\)\|\{b}\^\$\.c$")]
    public void Plain_characters_are_themselves_with_the_eres_special_ones_escaped(string pattern, string regex) =>
        Compile(pattern).Should().Be(new FilterPattern(false, regex));

    [Theory]
    [InlineData("*", "^[^/]*$")]
    [InlineData("docs/*", "^docs/[^/]*$")]
    [InlineData("*.js", @"^[^/]*\.js$")]
    [InlineData("*feature", "^[^/]*feature$")]
    public void A_star_is_any_run_of_characters_but_a_slash(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("**", "^.*$")]
    [InlineData("**.js", @"^.*\.js$")]
    [InlineData("docs/**", "^docs/.*$")]
    [InlineData("***", "^.*[^/]*$")]
    public void Two_stars_are_any_run_of_characters(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("**/README.md", @"^(.*/)?README\.md$")]
    [InlineData("docs/**/*.md", @"^docs/(.*/)?[^/]*\.md$")]
    [InlineData("**/docs/**", "^(.*/)?docs/.*$")]
    public void Two_stars_and_a_slash_are_any_number_of_directories_none_included(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("*.jsx?", @"^[^/]*\.jsx?$")]
    [InlineData("v[12].[0-9]+.[0-9]+", @"^v[12]\.[0-9]+\.[0-9]+$")]
    [InlineData("ab?+", "^ab*$")]
    [InlineData("ab+?", "^ab*$")]
    [InlineData("ab??", "^ab?$")]
    [InlineData("ab++", "^ab+$")]
    public void A_question_mark_or_plus_repeats_the_character_or_bracket_before_it(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("a*?", "^a[^/]*$")]
    [InlineData("a**+", "^a.*$")]
    [InlineData("**/?a", "^(.*/)?a$")]
    [InlineData("?a", @"^\?a$")]
    [InlineData("+", @"^\+$")]
    [InlineData("!?a", @"^\?a$")]
    public void A_question_mark_or_plus_after_a_wildcard_adds_nothing_and_at_the_start_is_itself(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("[CB]at", "^[CB]at$")]
    [InlineData("[1-2]00", "^[1-2]00$")]
    [InlineData("[0-9a-zA-Z_]", null)]
    [InlineData("[0-9a-z]", "^[0-9a-z]$")]
    [InlineData("[c-f]x", "^[c-f]x$")]
    public void Brackets_list_letters_digits_and_ranges_of_them(string pattern, string? regex)
    {
        if (regex is null)
        {
            FilterPattern.TryCompile(pattern, out _, out var error).Should().BeFalse();
            error.Should().Contain("'_'");
            return;
        }

        Compile(pattern).Regex.Should().Be(regex);
    }

    [Theory]
    [InlineData("!README.md", true, @"^README\.md$")]
    [InlineData("!docs/**", true, "^docs/.*$")]
    [InlineData("a!b", false, "^a!b$")]
    [InlineData("!!a", true, "^!a$")]
    public void A_leading_exclamation_mark_negates_and_anywhere_else_is_itself(string pattern, bool negated, string regex)
    {
        var compiled = Compile(pattern);

        compiled.Should().Be(new FilterPattern(negated, regex));
        compiled.Line.Should().Be(negated ? "!" + regex : regex);
    }

    [Theory]
    [InlineData(@"\*x", @"^\*x$")]
    [InlineData(@"\!file", "^!file$")]
    [InlineData(@"a\[b]", @"^a\[b]$")]
    [InlineData(@"escape\\backslash", @"^escape\\backslash$")]
    [InlineData(@"a\?", @"^a\?$")]
    public void A_backslash_makes_the_next_character_plain(string pattern, string regex) =>
        Compile(pattern).Regex.Should().Be(regex);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("!", "empty")]
    [InlineData("a[]", "'[]' lists no character")]
    [InlineData("a[bc", "'[' has no ']'")]
    [InlineData("[a-Z]", "range 'a-Z'")]
    [InlineData("[z-a]", "range 'z-a'")]
    [InlineData("[a-9]", "range 'a-9'")]
    [InlineData("[.]", "'.'")]
    [InlineData("[^a]", "'^'")]
    [InlineData("[-a]", "'-'")]
    [InlineData(@"a\", "escapes nothing")]
    public void What_is_no_filter_pattern_says_why(string pattern, string reason)
    {
        FilterPattern.TryCompile(pattern, out var compiled, out var error).Should().BeFalse();

        compiled.Should().BeNull();
        error.Should().Contain(reason);
    }

    /// <summary>GitHub's cheat sheet: each pattern, names it matches (its examples) and names it does not.</summary>
    public static TheoryData<string, string[], string[]> CheatSheet() => new()
    {
        // Patterns to match file paths.
        { "*", ["README.md", "server.rb"], ["docs/README.md", "a/b"] },
        { "*.jsx?", ["page.js", "page.jsx"], ["page.jsxx", "src/page.js"] },
        { "**", ["all/the/files.md", "README.md"], [] },
        { "*.js", ["app.js", "index.js"], ["js/index.js", "app.jsx"] },
        { "**.js", ["index.js", "js/index.js", "src/js/app.js"], ["index.jsx"] },
        { "docs/*", ["docs/README.md", "docs/file.txt"], ["docs/mona/octocat.txt", "README.md"] },
        { "docs/**", ["docs/README.md", "docs/mona/octocat.txt"], ["README.md", "src/docs/a.md"] },
        { "docs/**/*.md", ["docs/README.md", "docs/mona/hello-world.md", "docs/a/markdown/guide.md"], ["docs/a.txt", "src/docs/a.md"] },
        { "**/docs/**", ["docs/hello.md", "dir/docs/my-file.txt", "space/docs/plan/space.doc"], ["mydocs/a.md", "docs"] },
        { "**/README.md", ["README.md", "js/README.md"], ["README.mdx", "js/NOT-README.md"] },
        { "**/*src/**", ["a/src/app.js", "my-src/code/js/app.js"], ["src.js", "a/srcs/app.js"] },
        { "**/*-post.md", ["my-post.md", "path/their-post.md"], ["post.md", "path/post.md"] },
        { "**/migrate-*.sql", ["migrate-10909.sql", "db/migrate-v1.0.sql", "db/sept/migrate-v1.sql"], ["db/migrate/v1.sql", "migrate-1.sqlx"] },
        { "README*", ["README.md", "README.doc", "README"], ["docs/README.md"] },

        // Patterns to match branches and tags.
        { "feature/*", ["feature/my-branch", "feature/your-branch"], ["feature/beta-a/my-branch", "feature"] },
        { "feature/**", ["feature/beta-a/my-branch", "feature/your-branch", "feature/mona/the/octocat"], ["features/a"] },
        { "main", ["main"], ["main2", "a/main"] },
        { "releases/mona-the-octocat", ["releases/mona-the-octocat"], ["releases/mona-the-octocat/x"] },
        { "*feature", ["mona-feature", "feature", "ver-10-feature"], ["a/feature", "feature-x"] },
        { "v2*", ["v2", "v2.0", "v2.9"], ["v1", "v2/x"] },
        { "v[12].[0-9]+.[0-9]+", ["v1.10.1", "v2.0.0"], ["v3.0.0", "v1.x.1", "v1..1", "v1.10.1a"] },
        { "[CB]at", ["Cat", "Bat"], ["cat", "At"] },
        { "[1-2]00", ["100", "200"], ["300", "00"] },
    };

    [Fact]
    public void The_cheat_sheets_examples_match_in_bash_as_on_github()
    {
        var cases = new StringBuilder();
        foreach (var row in CheatSheet())
        {
            var (pattern, matches, others) = ((string)row[0], (string[])row[1], (string[])row[2]);
            var regex = Compile(pattern).Regex;
            foreach (var name in matches)
            {
                cases.Append(regex).Append('\t').Append(name).Append("\t1\t").Append(pattern).Append('\n');
            }

            foreach (var name in others)
            {
                cases.Append(regex).Append('\t').Append(name).Append("\t0\t").Append(pattern).Append('\n');
            }
        }

        var run = ShellRun.Run(
            "bash",
            ["-c", "export LC_ALL=C\nwhile IFS=$'\\t' read -r re name want pattern; do\n  if [[ $name =~ $re ]]; then got=1; else got=0; fi\n"
                + "  if [ \"$got\" != \"$want\" ]; then echo \"$pattern ($re) on $name: $got, not $want\"; fi\ndone\n"],
            Path.GetTempPath(),
            Encoding.UTF8.GetBytes(cases.ToString()));

        run.ExitCode.Should().Be(0, run.StandardError);
        run.Text.Should().BeEmpty();
        cases.ToString().Split('\n').Length.Should().BeGreaterThan(80, "every example was checked");
    }
}
