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
    [InlineData("success()", """{"status":"success"}""")]
    [InlineData("failure( )", """{"status":"failure"}""")]
    [InlineData("${{ always() }}", """{"status":"always"}""")]
    [InlineData("cancelled()", """{"status":"cancelled"}""")]
    [InlineData("branch == 'main'", """{"eq":[{"ref":"branch"},{"literal":"main"}]}""")]
    [InlineData("'v1' != tag", """{"ne":[{"literal":"v1"},{"ref":"tag"}]}""")]
    [InlineData("env.MODE == 'x'", """{"eq":[{"env":"MODE"},{"literal":"x"}]}""")]
    [InlineData("matrix.os != 'linux'", """{"ne":[{"matrix":"os"},{"literal":"linux"}]}""")]
    [InlineData("github.event_name == 'push'", """{"eq":[{"raw":"github.event_name"},{"literal":"push"}]}""")]
    [InlineData("needs.build-x.result", """{"raw":"needs.build-x.result"}""")]
    [InlineData("steps.s.outputs['y'] == 'ok'", """{"eq":[{"raw":"steps.s.outputs['y']"},{"literal":"ok"}]}""")]
    [InlineData("contains(github.ref, 'a)b')", """{"raw":"contains(github.ref, 'a)b')"}""")]
    [InlineData("startsWith(tag, 'v')", """{"startsWith":[{"ref":"tag"},{"literal":"v"}]}""")]
    [InlineData("startswith( matrix.os , 'ubuntu' )", """{"startsWith":[{"matrix":"os"},{"literal":"ubuntu"}]}""")]
    [InlineData("startsWith(github.ref, 'refs/tags/')", """{"raw":"startsWith(github.ref, 'refs/tags/')"}""")]
    [InlineData("startsWith(tag, 'v', 'x')", """{"raw":"startsWith(tag, 'v', 'x')"}""")]
    [InlineData("inputs.go && secrets.T && vars.V", """{"and":[{"raw":"inputs.go"},{"raw":"secrets.T"},{"raw":"vars.V"}]}""")]
    [InlineData("github.event.commits[0].message", """{"raw":"github.event.commits[0].message"}""")]
    [InlineData("true", """{"raw":"true"}""")]
    [InlineData("!cancelled()", """{"not":{"status":"cancelled"}}""")]
    public void Each_node_kind_parses(string text, string json) => Json(text).Should().Be(json);

    [Fact]
    public void And_binds_tighter_than_or_and_not_tighter_than_and() =>
        Json("!failure() && branch == 'a' || tag == 'b'").Should().Be(
            """{"or":[{"and":[{"not":{"status":"failure"}},{"eq":[{"ref":"branch"},{"literal":"a"}]}]},{"eq":[{"ref":"tag"},{"literal":"b"}]}]}""");

    [Fact]
    public void Parentheses_group() =>
        Json("success() && (branch == 'a' || branch == 'b')").Should().Be(
            """{"and":[{"status":"success"},{"or":[{"eq":[{"ref":"branch"},{"literal":"a"}]},{"eq":[{"ref":"branch"},{"literal":"b"}]}]}]}""");

    [Fact]
    public void Not_applies_to_a_parenthesized_comparison() =>
        Json("!(branch == 'a')").Should().Be("""{"not":{"eq":[{"ref":"branch"},{"literal":"a"}]}}""");

    [Fact]
    public void Doubled_quotes_escape_a_quote() =>
        Json("branch == 'it''s'").Should().Be("""{"eq":[{"ref":"branch"},{"literal":"it's"}]}""");

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
