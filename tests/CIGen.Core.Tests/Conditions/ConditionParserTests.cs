using System.Text.Json;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Core.Tests.Conditions;

/// <summary>The condition grammar: each node kind, precedence, grouping, quoting, and errors with their offsets.</summary>
public class ConditionParserTests
{
    private static string Json(string text)
    {
        var (condition, error) = ConditionParser.Parse(text);
        error.Should().BeNull();
        return JsonSerializer.Serialize(condition!, ProtocolJsonContext.Default.Condition).Replace("\\u0027", "'", StringComparison.Ordinal);
    }

    private static ConditionSyntaxError Error(string text)
    {
        var (condition, error) = ConditionParser.Parse(text);
        condition.Should().BeNull();
        return error!;
    }

    [Theory]
    [InlineData("success()", """{"kind":"status","name":"success"}""")]
    [InlineData("failure( )", """{"kind":"status","name":"failure"}""")]
    [InlineData("${{ always() }}", """{"kind":"status","name":"always"}""")]
    [InlineData("cancelled()", """{"kind":"status","name":"cancelled"}""")]
    [InlineData("branch == 'main'", """{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"main"}}""")]
    [InlineData("'v1' != tag", """{"kind":"ne","left":{"kind":"literal","text":"v1"},"right":{"kind":"ref","name":"tag"}}""")]
    [InlineData("env.MODE == 'x'", """{"kind":"eq","left":{"kind":"env","name":"MODE"},"right":{"kind":"literal","text":"x"}}""")]
    [InlineData("matrix.os != 'linux'", """{"kind":"ne","left":{"kind":"matrix","name":"os"},"right":{"kind":"literal","text":"linux"}}""")]
    [InlineData("github.event_name == 'push'", """{"kind":"eq","left":{"kind":"raw","text":"github.event_name"},"right":{"kind":"literal","text":"push"}}""")]
    [InlineData("needs.build-x.result", """{"kind":"raw","text":"needs.build-x.result"}""")]
    [InlineData("steps.s.outputs['y'] == 'ok'", """{"kind":"eq","left":{"kind":"raw","text":"steps.s.outputs['y']"},"right":{"kind":"literal","text":"ok"}}""")]
    [InlineData("contains(github.ref, 'a)b')", """{"kind":"raw","text":"contains(github.ref, 'a)b')"}""")]
    [InlineData("startsWith(tag, 'v')", """{"kind":"starts_with","value":{"kind":"ref","name":"tag"},"prefix":{"kind":"literal","text":"v"}}""")]
    [InlineData("startswith( matrix.os , 'ubuntu' )", """{"kind":"starts_with","value":{"kind":"matrix","name":"os"},"prefix":{"kind":"literal","text":"ubuntu"}}""")]
    [InlineData("startsWith(github.ref, 'refs/tags/')", """{"kind":"raw","text":"startsWith(github.ref, 'refs/tags/')"}""")]
    [InlineData("startsWith(tag, 'v', 'x')", """{"kind":"raw","text":"startsWith(tag, 'v', 'x')"}""")]
    [InlineData("inputs.go && secrets.T && vars.V", """{"kind":"and","of":[{"kind":"raw","text":"inputs.go"},{"kind":"raw","text":"secrets.T"},{"kind":"raw","text":"vars.V"}]}""")]
    [InlineData("github.event.commits[0].message", """{"kind":"raw","text":"github.event.commits[0].message"}""")]
    [InlineData("true", """{"kind":"raw","text":"true"}""")]
    [InlineData("!cancelled()", """{"kind":"not","operand":{"kind":"status","name":"cancelled"}}""")]
    public void Each_node_kind_parses(string text, string json) => Json(text).Should().Be(json);

    [Fact]
    public void And_binds_tighter_than_or_and_not_tighter_than_and() =>
        Json("!failure() && branch == 'a' || tag == 'b'").Should().Be(
            """{"kind":"or","of":[{"kind":"and","of":[{"kind":"not","operand":{"kind":"status","name":"failure"}},{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"a"}}]},{"kind":"eq","left":{"kind":"ref","name":"tag"},"right":{"kind":"literal","text":"b"}}]}""");

    [Fact]
    public void Parentheses_group() =>
        Json("success() && (branch == 'a' || branch == 'b')").Should().Be(
            """{"kind":"and","of":[{"kind":"status","name":"success"},{"kind":"or","of":[{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"a"}},{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"b"}}]}]}""");

    [Fact]
    public void Not_applies_to_a_parenthesized_comparison() =>
        Json("!(branch == 'a')").Should().Be("""{"kind":"not","operand":{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"a"}}}""");

    [Fact]
    public void Doubled_quotes_escape_a_quote() =>
        Json("branch == 'it''s'").Should().Be("""{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"it's"}}""");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("${{ }}")]
    public void An_empty_condition_is_none(string text) => ConditionParser.Parse(text).Should().Be(((Condition?)null, (ConditionSyntaxError?)null));

    [Theory]
    [InlineData("branch == 'main", 10, "never closed")]
    [InlineData("(branch == 'a'", 0, "`(` is never closed")]
    [InlineData("branch == ", 9, "operand")]
    [InlineData("branch = 'a'", 7, "unknown operator")]
    [InlineData("branch == \"a\"", 10, "single quotes")]
    [InlineData("brnach == 'a'", 0, "unknown name `brnach`")]
    [InlineData("success(x)", 8, "takes no arguments")]
    [InlineData("a() b", 4, "after a complete condition")]
    [InlineData("branch == 'a' == 'b'", 14, "do not chain")]
    [InlineData("matrix.n < '3'", 9, "`<` is not supported")]
    [InlineData("${{ x }} && ${{ y }}", 12, "wrap the whole condition")]
    [InlineData("${{ brnach }}", 4, "unknown name")]
    [InlineData("contains(a, 'b'", 8, "never closed")]
    public void Syntax_errors_say_where_and_what(string text, int offset, string message)
    {
        var error = Error(text);
        error.Message.Should().Contain(message);
        error.Offset.Should().Be(offset);
    }
}
