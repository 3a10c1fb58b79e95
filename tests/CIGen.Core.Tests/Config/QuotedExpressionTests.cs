using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Core.Tests.Config;

/// <summary>
/// <c>${{ }}</c> inside single quotes of a run script: GitHub leaves it unexpanded, CircleCI writes matrix values in
/// anyway, so cigen warns (CIG051) at the expression.
/// </summary>
public sealed class QuotedExpressionTests
{
    [Theory]
    [InlineData("echo '${{ matrix.x }}'", new[] { "${{ matrix.x }}" })]
    [InlineData("echo 'a' \"${{ matrix.x }}\" '${{ env.Y }}'", new[] { "${{ env.Y }}" })]
    [InlineData("echo \"it's ${{ matrix.x }}\"", new string[0])]
    [InlineData("echo it\\'s ${{ matrix.x }}", new string[0])]
    [InlineData("echo ${{ github.ref == 'refs/heads/main' }} '${{ matrix.a }}'", new[] { "${{ matrix.a }}" })]
    [InlineData("# don't ${{ matrix.x }}\necho '${{ matrix.y }}'", new[] { "${{ matrix.y }}" })]
    [InlineData("echo $'\\' ${{ matrix.x }}'", new[] { "${{ matrix.x }}" })]
    [InlineData("echo '\n${{ matrix.x }}\n' ${{ matrix.y }}", new[] { "${{ matrix.x }}" })]
    [InlineData("echo ${{ matrix.x }}", new string[0])]
    public void The_scanner_finds_exactly_the_expressions_inside_single_quotes(string script, string[] expected)
    {
        SingleQuotedExpressions.In(script).Select(e => script[e.Start..e.End]).Should().Equal(expected);
    }

    [Fact]
    public void A_single_quoted_expression_in_a_bash_run_script_is_a_warning_at_the_expression()
    {
        using var tree = ConfigTree.Inline("""
            jobs:
              build:
                matrix: {python: ['3.13']}
                steps:
                  - run: echo 'python ${{ matrix.python }}' "${{ matrix.python }}"
                  - run: {command: "echo '${{ env.X }}'"}
                  - run: echo '${{ matrix.python }}'
                    shell: pwsh
            """);

        var diagnostics = tree.Load().Diagnostics;

        diagnostics.Should().HaveCount(2);
        diagnostics[0].ShouldBe(DiagnosticCodes.ExpressionInSingleQuotes, "cigen.yml", 5, 27,
            "`${{ matrix.python }}` is inside single quotes", "GitHub passes it to the script as a variable", "put it in double quotes (\"${{ matrix.python }}\")");
        diagnostics[0].Severity.Should().Be("warning");
        diagnostics[1].ShouldBe(DiagnosticCodes.ExpressionInSingleQuotes, "cigen.yml", 6, 31, "`${{ env.X }}` is inside single quotes");
    }
}
