using CIGen.Testing.Meaning;

namespace CIGen.Provider.GitHub.Tests.Meaning;

/// <summary>
/// The tests' evaluator of GitHub expressions (<see cref="GitHubExpression"/>) against GitHub's documented rules, so
/// the tests that read generated conditions with it can trust what it says.
/// </summary>
public class GitHubExpressionTests
{
    private static readonly Dictionary<string, object?> Contexts = new()
    {
        ["github.ref"] = "refs/heads/main",
        ["github.event_name"] = "push",
        ["needs.build.result"] = "success",
        ["needs.test.result"] = "failure",
        ["needs.test.outputs.count"] = "3",
        ["matrix.cross"] = true,
        ["matrix.count"] = 2,
    };

    private static object? Evaluate(string expression, params (string Key, object? Value)[] more) =>
        GitHubExpression.Evaluate(expression, With(more));

    private static Dictionary<string, object?> With(params (string Key, object? Value)[] more)
    {
        var contexts = new Dictionary<string, object?>(Contexts);
        foreach (var (key, value) in more)
        {
            contexts[key] = value;
        }

        return contexts;
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("711", 711.0)]
    [InlineData("-9.2", -9.2)]
    [InlineData("0xff", 255.0)]
    [InlineData("0o17", 15.0)]
    [InlineData("-2.99e-2", -0.0299)]
    [InlineData("'Mona the Octocat'", "Mona the Octocat")]
    [InlineData("'It''s open source!'", "It's open source!")]
    [InlineData("${{ 'wrapped' }}", "wrapped")]
    public void Literals_have_their_documented_values(string expression, object? value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("'abc' == 'ABC'", true)]
    [InlineData("'abc' == 'abc '", false)]
    [InlineData("null == ''", true)]
    [InlineData("null == 0", true)]
    [InlineData("'' == 0", true)]
    [InlineData("' ' == 0", true)]
    [InlineData("1 == '1'", true)]
    [InlineData("1 == '1.0'", true)]
    [InlineData("'0x10' == 16", true)]
    [InlineData("true == 1", true)]
    [InlineData("true == '1'", true)]
    [InlineData("true == 'true'", false)]
    [InlineData("matrix.cross == 'true'", false)]
    [InlineData("matrix.count == '2'", true)]
    [InlineData("NaN == NaN", false)]
    [InlineData("'abc' == 'abc' == true", true)]
    [InlineData("fromJSON('[1]') == fromJSON('[1]')", false)]
    [InlineData("fromJSON('{}') != null", true)]
    [InlineData("needs.missing.result == null", true)]
    [InlineData("needs.missing.result == ''", true)]
    [InlineData("needs.missing.result != 'skip'", true)]
    public void Equality_ignores_case_and_compares_other_types_as_numbers(string expression, bool value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("2 > 10", false)]
    [InlineData("'2' < 10", true)]
    [InlineData("'b' > 'A'", true)]
    [InlineData("'abc' < 'ABD'", true)]
    [InlineData("1 >= '1'", true)]
    [InlineData("'A' <= 'a'", true)]
    [InlineData("null < 1", true)]
    [InlineData("'x' < 1", false)]
    [InlineData("'x' >= 1", false)]
    [InlineData("true > false", true)]
    [InlineData("needs.test.outputs.count > 2", true)]
    public void Ordering_coerces_like_equality(string expression, bool value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("'a' && 'b'", "b")]
    [InlineData("'' && 'b'", "")]
    [InlineData("'' || 'x'", "x")]
    [InlineData("'y' || 'x'", "y")]
    [InlineData("0 || null", null)]
    [InlineData("github.ref == 'refs/heads/main' && 'deploy' || 'skip'", "deploy")]
    [InlineData("false && fromJSON('not json')", false)]
    [InlineData("true || fromJSON('not json')", true)]
    public void And_and_or_return_an_operand_and_stop_once_decided(string expression, object? value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("!2 == 1", false)]
    [InlineData("!(2 == 1)", true)]
    [InlineData("!!'x'", true)]
    [InlineData("1 == 1 && 2 == 3 || 4 == 4", true)]
    [InlineData("1 == 2 && (2 == 3 || 4 == 4)", false)]
    [InlineData("1 < 2 == true", true)]
    public void Not_binds_tighter_than_comparison_and_and_tighter_than_or(string expression, bool value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(0, false)]
    [InlineData(-0.0, false)]
    [InlineData(double.NaN, false)]
    [InlineData("", false)]
    [InlineData(true, true)]
    [InlineData(-1, true)]
    [InlineData("0", true)]
    [InlineData("false", true)]
    public void Falsy_values_are_false_zero_nan_empty_and_null(object? value, bool truthy)
    {
        GitHubExpression.Truthy(value).Should().Be(truthy);
    }

    [Fact]
    public void Arrays_and_objects_are_truthy()
    {
        GitHubExpression.Truthy(new List<object?>()).Should().BeTrue();
        GitHubExpression.Truthy(new Dictionary<string, object?>()).Should().BeTrue();
    }

    [Theory]
    [InlineData("github.ref", "refs/heads/main")]
    [InlineData("GitHub.Ref", "refs/heads/main")]
    [InlineData("github['ref']", "refs/heads/main")]
    [InlineData("github[format('{0}', 'event_name')]", "push")]
    [InlineData("github.sha", null)]
    [InlineData("nothing.at.all", null)]
    [InlineData("needs.test.outputs.count", "3")]
    [InlineData("fromJSON('[10, 20]')[1]", 20.0)]
    [InlineData("fromJSON('[10, 20]')[2]", null)]
    [InlineData("fromJSON('{\"a\": {\"B\": 1}}').a.b", 1.0)]
    [InlineData("join(needs.*.result)", "success,failure")]
    [InlineData("join(needs.*.outputs.count)", "3")]
    [InlineData("join(fromJSON('[[1, 2], [3]]').*.*, '+')", "1+2+3")]
    [InlineData("toJSON(needs.test)", "{\n  \"result\": \"failure\",\n  \"outputs\": {\n    \"count\": \"3\"\n  }\n}")]
    public void Contexts_are_objects_made_of_the_given_paths(string expression, object? value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Fact]
    public void A_path_given_as_spelled_wins_even_with_a_wildcard()
    {
        var results = new List<object?> { "skipped", "cancelled" };

        Evaluate("contains(needs.*.result, 'cancelled')", ("needs.*.result", results)).Should().Be(true);
        Evaluate("contains(needs.*.result, 'cancelled')").Should().Be(false);
        Evaluate("contains(needs.*.result, 'failure')").Should().Be(true);
    }

    [Theory]
    [InlineData("contains('Hello world', 'LLO')", true)]
    [InlineData("contains('Hello world', 'bye')", false)]
    [InlineData("contains(fromJSON('[\"push\", \"pull_request\"]'), github.event_name)", true)]
    [InlineData("contains(fromJSON('[\"PUSH\"]'), 'push')", true)]
    [InlineData("contains(fromJSON('[1, 2]'), '2')", true)]
    [InlineData("contains(fromJSON('[\"push\"]'), 'pu')", false)]
    [InlineData("contains(fromJSON('{\"push\": 1}'), 'push')", false)]
    [InlineData("contains(github.sha, '')", true)]
    [InlineData("startsWith('Hello world', 'he')", true)]
    [InlineData("startsWith(github.ref, 'refs/tags/')", false)]
    [InlineData("startsWith('', '')", true)]
    [InlineData("endsWith('Hello world', 'LD')", true)]
    [InlineData("endsWith(fromJSON('[\"x\"]'), 'x')", false)]
    public void Contains_starts_with_and_ends_with_ignore_case(string expression, bool value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("format('Hello {0} {1} {2}', 'Mona', 'the', 'Octocat')", "Hello Mona the Octocat")]
    [InlineData("format('{{Hello {0} {1} {2}!}}', 'Mona', 'the', 'Octocat')", "{Hello Mona the Octocat!}")]
    [InlineData("format('{0}/{0}-{1}', 1.5, true)", "1.5/1.5-true")]
    [InlineData("format('{0}{1}', null, fromJSON('[]'))", "Array")]
    [InlineData("join(fromJSON('[\"a\", \"b\"]'), ', ')", "a, b")]
    [InlineData("join(fromJSON('[\"a\", 1, true, null]'))", "a,1,true,")]
    [InlineData("join('single')", "single")]
    [InlineData("join(fromJSON('{}'))", "")]
    [InlineData("toJSON('x')", "\"x\"")]
    [InlineData("toJSON(fromJSON('[1, 1.5, true, null]'))", "[\n  1,\n  1.5,\n  true,\n  null\n]")]
    [InlineData("fromJSON('\"x\"')", "x")]
    [InlineData("fromJSON('true')", true)]
    [InlineData("FromJson('3')", 3.0)]
    public void Format_join_and_json_functions_follow_the_documentation(string expression, object? value)
    {
        Evaluate(expression).Should().Be(value);
    }

    [Theory]
    [InlineData("format('{1}', 'a')")]
    [InlineData("format('{0', 'a')")]
    [InlineData("format('}', 'a')")]
    [InlineData("a ==")]
    [InlineData("'open")]
    [InlineData("github..ref")]
    [InlineData("1 = 1")]
    [InlineData("contains('a')")]
    [InlineData("success(1)")]
    public void Malformed_expressions_are_errors(string expression)
    {
        var evaluate = () => Evaluate(expression);

        evaluate.Should().Throw<FormatException>();
    }

    [Fact]
    public void Unknown_functions_are_not_supported()
    {
        var evaluate = () => Evaluate("hashFiles('**/package-lock.json')");

        evaluate.Should().Throw<NotSupportedException>();
    }

    [Theory]
    [InlineData("success", "success()", true)]
    [InlineData("failure", "success()", false)]
    [InlineData("cancelled", "success()", false)]
    [InlineData("failure", "failure()", true)]
    [InlineData("cancelled", "failure()", false)]
    [InlineData("cancelled", "cancelled()", true)]
    [InlineData("success", "cancelled()", false)]
    [InlineData("failure", "always()", true)]
    [InlineData("cancelled", "always()", true)]
    [InlineData("failure", "Always()", true)]
    [InlineData("failure", "!cancelled()", true)]
    [InlineData("cancelled", "!cancelled()", false)]
    public void Status_functions_read_the_status(string status, string condition, bool holds)
    {
        GitHubExpression.Holds(condition, With((GitHubExpression.StatusKey, status))).Should().Be(holds);
    }

    [Theory]
    [InlineData("success", "github.ref == 'refs/heads/main'", true)]
    [InlineData("failure", "github.ref == 'refs/heads/main'", false)]
    [InlineData("cancelled", "github.ref == 'refs/heads/main'", false)]
    [InlineData("failure", "failure() && github.ref == 'refs/heads/main'", true)]
    [InlineData("failure", "'failure()' != ''", false)]
    [InlineData("failure", "${{ always() }}", true)]
    [InlineData("success", "", true)]
    [InlineData("failure", "", false)]
    [InlineData("success", null, true)]
    public void An_if_without_a_status_function_means_success_and_it(string status, string? condition, bool holds)
    {
        GitHubExpression.Holds(condition, With((GitHubExpression.StatusKey, status))).Should().Be(holds);
    }

    [Fact]
    public void The_status_is_success_unless_given()
    {
        GitHubExpression.Holds("success() && !failure() && !cancelled()", Contexts).Should().BeTrue();
        var unknown = () => GitHubExpression.Holds("always()", With((GitHubExpression.StatusKey, "skipped")));
        unknown.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("${{ github.ref }}", "refs/heads/main")]
    [InlineData("ref=${{github.ref}} n=${{ 3 }} none=${{ null }} b=${{ matrix.cross }}", "ref=refs/heads/main n=3 none= b=true")]
    [InlineData("${{ 'a}}b' }}-${{ 0.5 }}", "a}}b-0.5")]
    [InlineData("${{ fromJSON('[1]') }}/${{ fromJSON('{}') }}", "Array/Object")]
    public void Interpolation_writes_each_value_as_text(string template, string text)
    {
        GitHubExpression.Interpolate(template, Contexts).Should().Be(text);
    }

    [Theory]
    [InlineData(1, "1", true)]
    [InlineData("A", "a", true)]
    [InlineData(null, "", true)]
    [InlineData(false, 0, true)]
    [InlineData("x", double.NaN, false)]
    public void Loose_equality_is_the_double_equals_operator(object? left, object? right, bool equal)
    {
        GitHubExpression.LooseEquals(left, right).Should().Be(equal);
    }
}
