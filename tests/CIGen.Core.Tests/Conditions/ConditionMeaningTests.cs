using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Testing;

namespace CIGen.Core.Tests.Conditions;

/// <summary>cigen's meaning of a condition, one rule per test: what is known is decided, the rest is kept.</summary>
public class ConditionMeaningTests
{
    private static readonly RunFacts OnMain = RunFacts.OnBranch("main");
    private static readonly RunFacts OnTag = RunFacts.OnTag("v1.2.3");

    [Theory]
    [InlineData("tag != ''", false, true)]
    [InlineData("tag == ''", true, false)]
    [InlineData("branch == ''", false, true)]
    [InlineData("branch != ''", true, false)]
    [InlineData("branch == 'main'", true, false)]
    [InlineData("branch == 'MAIN'", true, false)]
    [InlineData("startsWith(tag, 'v')", false, true)]
    [InlineData("startsWith(tag, 'V1.')", false, true)]
    [InlineData("startsWith(tag, '')", true, true)]
    [InlineData("!(branch == 'main' || tag != '')", false, false)]
    [InlineData("'v1.2.3' == tag", false, true)]
    public void Refs_have_one_meaning_empty_is_the_other_kind_and_strings_ignore_case(string text, bool onMain, bool onTag)
    {
        ConditionMeaning.Decide(ConditionTrees.Of(text), OnMain).Should().Be(onMain);
        ConditionMeaning.Decide(ConditionTrees.Of(text), OnTag).Should().Be(onTag);
    }

    [Theory]
    [InlineData("matrix.cross", true)]
    [InlineData("!matrix.cross", false)]
    [InlineData("matrix.cross == 'true'", false)] // GitHub compares a boolean and a string as numbers: 1 and NaN
    [InlineData("matrix.cross == true", true)]
    [InlineData("matrix.n == '2'", true)]
    [InlineData("matrix.empty", false)]
    [InlineData("matrix.missing == null", true)]
    [InlineData("startsWith(matrix.os, 'Ubuntu')", true)]
    public void Matrix_values_follow_GitHubs_truth_and_loose_equality(string text, bool expected)
    {
        var facts = new RunFacts
        {
            Matrix = new Dictionary<string, Scalar>
            {
                ["cross"] = Scalar.Boolean(true), ["n"] = Scalar.Number("2"), ["empty"] = Scalar.String(""), ["os"] = Scalar.String("ubuntu-24.04"),
            },
        };

        ConditionMeaning.Decide(ConditionTrees.Of(text), facts).Should().Be(expected);
    }

    [Fact]
    public void Unknown_parts_stay_and_decided_parts_simplify_away()
    {
        var facts = new RunFacts { Matrix = new Dictionary<string, Scalar> { ["cross"] = Scalar.Boolean(true) } };

        ConditionMeaning.Reduce(ConditionTrees.Of("matrix.cross && tag != ''"), facts).Should().BeEquivalentTo(ConditionTrees.Of("tag != ''"), o => o.RespectingRuntimeTypes());
        ConditionMeaning.Reduce(ConditionTrees.Of("!matrix.cross && tag != ''"), facts).Should().BeEquivalentTo(ConditionMeaning.False, o => o.RespectingRuntimeTypes());
        ConditionMeaning.Reduce(ConditionTrees.Of("matrix.cross || failure()"), facts).Should().BeEquivalentTo(ConditionMeaning.True, o => o.RespectingRuntimeTypes());
        ConditionMeaning.Decide(ConditionTrees.Of("success() && env.X == 'y'"), OnMain).Should().BeNull();
    }

    [Fact]
    public void Known_status_functions_are_decided()
    {
        var facts = OnMain with { Statuses = new Dictionary<string, bool> { [ConditionStatus.Success] = true } };

        ConditionMeaning.Reduce(ConditionTrees.Of("success() && branch == 'main'"), facts).Should().BeEquivalentTo(ConditionMeaning.True, o => o.RespectingRuntimeTypes());
        ConditionMeaning.Reduce(ConditionTrees.Of("failure() || branch == 'dev'"), facts).Should().BeEquivalentTo(ConditionTrees.Of("failure()"), o => o.RespectingRuntimeTypes());
    }
}
