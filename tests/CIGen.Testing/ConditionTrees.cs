using CIGen.Protocol;
using FluentAssertions;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Testing;

/// <summary>Conditions as the host sends them: the text and its parsed tree.</summary>
public static class ConditionTrees
{
    public static Condition Of(string text)
    {
        var (condition, error) = ConditionParser.Parse(text);
        error.Should().BeNull();
        return condition!;
    }

    public static Step When(this Step step, string condition) => step with { If = condition, Condition = Of(condition) };

    public static Job When(this Job job, string condition) => job with { If = condition, Condition = Of(condition) };
}
