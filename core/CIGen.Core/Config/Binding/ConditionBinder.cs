using CIGen.Provider.Sdk.Expressions;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>The <c>if:</c> of a job or step as a tree; a syntax error is reported where in the condition it is.</summary>
internal static class ConditionBinder
{
    /// <summary>Null without a condition, or with one that is not a string (reported by the string reader) or not valid.</summary>
    public static Condition? Bind(MapReader map, string what)
    {
        if (map.Get("if") is not ScalarNode { IsNull: false } node)
        {
            return null;
        }

        var (condition, error) = ConditionParser.Parse(node.Value);
        if (error is not null)
        {
            map.Reader.Error(
                DiagnosticCodes.InvalidCondition,
                node.LocationOf(error.Offset),
                $"the condition `{node.Value}` of {what} is not valid at column {error.Offset + 1} of the condition: {error.Message}");
        }

        return condition;
    }
}
