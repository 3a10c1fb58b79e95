using CIGen.Provider.Sdk.Yaml;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Yaml;

public class YamlScalarPolicyTests
{
    private static string WriteValue(string value)
    {
        var root = new YamlMapping { { "k", value } };
        var text = YamlWriter.Write(root);
        YamlReadBack.AssertMeans(root, text);
        return text["k:".Length..^1];
    }

    [Theory]
    [InlineData("ubuntu-latest")]
    [InlineData("actions/checkout@v4")]
    [InlineData("cargo test --all-features")]
    [InlineData("--release")]
    [InlineData("-e")]
    [InlineData("rust:latest")]
    [InlineData("https://example.com/a#frag")]
    [InlineData("echo 'hi'")]
    [InlineData("a 'quoted' \"word\"")]
    [InlineData("${{ secrets.TOKEN }}")]
    [InlineData("${{ github.ref == 'refs/heads/main' }}")]
    [InlineData("github.event_name == 'push' && success()")]
    [InlineData("v1.2.3")]
    [InlineData("0 3 * * 1")]
    [InlineData("1-2")]
    [InlineData("café ☕ 🛠 日本")]
    public void Writes_safe_strings_plain(string value)
    {
        WriteValue(value).Should().Be(" " + value);
    }

    [Theory]
    // YAML 1.2 core schema.
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("FALSE")]
    [InlineData("42")]
    [InlineData("-7")]
    [InlineData("3.10")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    // YAML 1.1 only.
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("OFF")]
    [InlineData("y")]
    [InlineData("N")]
    [InlineData("010")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData("1:30")]
    [InlineData("190:20:30.15")]
    [InlineData("1.2.3")]
    [InlineData("2024-01-02")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("<<")]
    [InlineData("=")]
    public void Single_quotes_strings_that_YAML_1_1_or_1_2_would_read_as_another_type(string value)
    {
        WriteValue(value).Should().Be($" '{value}'");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("key: value")]
    [InlineData("ends with colon:")]
    [InlineData("a #comment")]
    [InlineData("-")]
    [InlineData("- item")]
    [InlineData("---")]
    [InlineData("...x")]
    [InlineData("?x")]
    [InlineData(":x")]
    [InlineData(",x")]
    [InlineData("[x]")]
    [InlineData("]x")]
    [InlineData("{x}")]
    [InlineData("}x")]
    [InlineData("#x")]
    [InlineData("&anchor")]
    [InlineData("*.cs")]
    [InlineData("!not")]
    [InlineData("|x")]
    [InlineData(">x")]
    [InlineData("\"x\"")]
    [InlineData("%x")]
    [InlineData("@main")]
    [InlineData("`cmd`")]
    [InlineData("tab\there")]
    public void Single_quotes_strings_that_cannot_be_plain(string value)
    {
        WriteValue(value).Should().Be($" '{value}'");
    }

    [Fact]
    public void Doubles_single_quotes_inside_single_quoted_strings_when_double_quotes_would_need_escapes()
    {
        WriteValue("'it''s' \"x\"").Should().Be(" '''it''''s'' \"x\"'");
        WriteValue("'a' \\d").Should().Be(" '''a'' \\d'");
    }

    [Theory]
    [InlineData("!cancelled() && needs.a.result == 'success'")]
    [InlineData("'quoted'")]
    [InlineData("it's: here")]
    public void Double_quotes_a_string_with_single_quotes_that_needs_no_escapes(string value)
    {
        WriteValue(value).Should().Be($" \"{value}\"");
    }

    [Theory]
    [InlineData("bell\a", "\"bell\\a\"")]
    [InlineData("nul\0", "\"nul\\0\"")]
    [InlineData("esc\u001B[0m", "\"esc\\e[0m\"")]
    [InlineData("cr\r\nlf", "\"cr\\r\\nlf\"")]
    [InlineData("line\u2028sep", "\"line\\Lsep\"")]
    [InlineData("para\u2029sep", "\"para\\Psep\"")]
    [InlineData("nel\u0085", "\"nel\\N\"")]
    [InlineData("bom\uFEFF", "\"bom\\uFEFF\"")]
    [InlineData("del\u007F", "\"del\\x7F\"")]
    [InlineData("c1\u0090 \"q\" \\ 🛠", "\"c1\\x90 \\\"q\\\" \\\\ 🛠\"")]
    public void Double_quotes_only_strings_with_characters_that_need_escapes(string value, string expected)
    {
        WriteValue(value).Should().Be(" " + expected);
    }

    [Fact]
    public void Writes_multi_line_text_ending_in_one_newline_as_a_literal_block()
    {
        WriteValue("cargo build\ncargo test\n").Should().Be(" |\n  cargo build\n  cargo test");
    }

    [Fact]
    public void Strips_with_dash_when_there_is_no_final_newline()
    {
        WriteValue("a\nb").Should().Be(" |-\n  a\n  b");
    }

    [Fact]
    public void Keeps_with_plus_when_there_are_several_final_newlines()
    {
        WriteValue("a\nb\n\n\n").Should().Be(" |+\n  a\n  b\n\n");
    }

    [Fact]
    public void Writes_empty_lines_inside_a_literal_block_without_indentation()
    {
        WriteValue("a\n\n  b\n").Should().Be(" |\n  a\n\n    b");
    }

    [Fact]
    public void States_the_indentation_when_the_first_line_starts_with_a_space()
    {
        WriteValue("  indented\nnext\n").Should().Be(" |2\n    indented\n  next");
        WriteValue("\n\n  after blank lines").Should().Be(" |2-\n\n\n    after blank lines");
    }

    [Fact]
    public void Falls_back_to_double_quotes_when_a_line_ends_in_whitespace()
    {
        WriteValue("a \nb\n").Should().Be(" \"a \\nb\\n\"");
        WriteValue("a\n\t\nb").Should().Be(" \"a\\n\\t\\nb\"");
    }

    [Fact]
    public void Writes_text_made_only_of_line_breaks_double_quoted()
    {
        WriteValue("\n\n").Should().Be(" \"\\n\\n\"");
    }

    [Fact]
    public void Indents_a_literal_block_two_spaces_deeper_than_its_key_or_dash()
    {
        var root = new YamlMapping
        {
            { "steps", new YamlSequence { new YamlMapping { { "run", "a\nb\n" } }, "x\ny\n" } },
        };
        var text = YamlWriter.Write(root);

        text.Should().Be("steps:\n  - run: |\n      a\n      b\n  - |\n    x\n    y\n");
        YamlReadBack.AssertMeans(root, text);
    }

    [Fact]
    public void Quotes_keys_that_YAML_1_1_or_1_2_reads_as_non_strings()
    {
        var root = new YamlMapping
        {
            { "on", "1.1 boolean key" },
            { "yes", "1.1 boolean key" },
            { "Y", "1.1 boolean key" },
            { "ON", "1.1 boolean key" },
            { "true", "1.2 boolean key" },
            { "3.10", "number key" },
            { "null", "null key" },
            { "", "empty key" },
            { "a: b", "indicator key" },
            { "multi\nline", "escaped key" },
            { "a *b", "star key" },
            { "build", "ordinary key" },
        };
        var text = YamlWriter.Write(root);

        text.Should().Be(
            "'on': 1.1 boolean key\n'yes': 1.1 boolean key\n'Y': 1.1 boolean key\n'ON': 1.1 boolean key\n"
            + "'true': 1.2 boolean key\n'3.10': number key\n'null': null key\n"
            + "'': empty key\n'a: b': indicator key\n\"multi\\nline\": escaped key\n'a *b': star key\nbuild: ordinary key\n");
        YamlReadBack.AssertMeans(root, text);
    }

    [Fact]
    public void Keeps_a_verbatim_key_plain_when_YAML_1_2_reads_it_as_a_string()
    {
        var root = new YamlMapping();
        root.AddVerbatimKey("on", "push");
        root.AddVerbatimKey("yes", "1.1 boolean key");
        root.AddVerbatimKey("true", "1.2 boolean key");
        root.AddVerbatimKey("a: b", "indicator key");
        var text = YamlWriter.Write(root);

        text.Should().Be("on: push\nyes: 1.1 boolean key\n'true': 1.2 boolean key\n'a: b': indicator key\n");
        YamlReadBack.AssertMeans(root, text);
    }

    [Fact]
    public void Rejects_a_verbatim_key_that_is_already_present()
    {
        var root = new YamlMapping { { "on", "push" } };

        root.Invoking(r => r.AddVerbatimKey("on", "pull_request")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Writes_characters_outside_the_basic_plane_as_utf8_in_every_style()
    {
        WriteValue("🛠").Should().Be(" 🛠");
        WriteValue("🛠\n").Should().Be(" |\n  🛠");
        WriteValue("🛠\u0007").Should().Be(" \"🛠\\a\"");
        WriteValue("'🛠' \"🛠\"").Should().Be(" '''🛠'' \"🛠\"'");
    }
}
