using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Conditions;

/// <summary>Jobs and steps carry the parsed tree next to the text; a bad condition is reported inside the file.</summary>
public class ConditionBindingTests
{
    [Fact]
    public void Job_and_step_conditions_reach_the_graph_as_trees()
    {
        using var tree = ConfigTree.Inline("jobs:\n  deploy:\n    if: ${{ branch == 'main' }}\n    steps:\n      - run: make\n        if: failure()\n");
        var job = tree.Load().Clean().Workflows[0].Jobs[0];

        job.If.Should().Be("${{ branch == 'main' }}");
        job.Condition.Should().BeEquivalentTo(new Condition.Eq(new Condition.Ref("branch"), new Condition.Literal("main")));
        job.Steps[0].Condition.Should().BeEquivalentTo(new Condition.Status(ConditionStatus.Failure));
    }

    [Fact]
    public void A_syntax_error_points_into_a_plain_condition() =>
        Load("jobs:\n  deploy:\n    if: branch = 'main'\n    steps: [{run: make}]\n")
            .ShouldBe(DiagnosticCodes.InvalidCondition, "cigen.yml", 3, 16, "job `deploy`", "unknown operator `=`");

    [Fact]
    public void A_syntax_error_points_into_a_quoted_condition() =>
        Load("jobs:\n  deploy:\n    steps:\n      - run: make\n        if: \"success() &&\"\n")
            .ShouldBe(DiagnosticCodes.InvalidCondition, "cigen.yml", 5, 26, "operand");

    private static Diagnostic Load(string yaml)
    {
        using var tree = ConfigTree.Inline(yaml);
        return tree.Load().Diagnostics.Single();
    }
}
