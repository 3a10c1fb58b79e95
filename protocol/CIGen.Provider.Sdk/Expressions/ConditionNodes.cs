using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Expressions;

/// <summary>
/// The one walk over a <see cref="Condition"/> tree: every node, the root first, then each child in order, depth first. A node kind added to <see cref="Condition"/> gets its children listed in <see cref="Children"/>,
/// and every check built on this walk (ref dependence, matrix tests, raw parts, ...) sees it.
/// </summary>
public static class ConditionNodes
{
    public static IEnumerable<Condition> All(Condition? root)
    {
        if (root is null)
        {
            yield break;
        }

        var pending = new Stack<Condition>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            yield return node;
            var children = Children(node);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    /// <summary>The direct children of <paramref name="node"/>: combinators' and tests' operands.</summary>
    public static IReadOnlyList<Condition> Children(Condition node) => node switch
    {
        Condition.And(var all) => all,
        Condition.Or(var any) => any,
        Condition.Not(var operand) => [operand],
        Condition.Eq(var left, var right) => [left, right],
        Condition.Ne(var left, var right) => [left, right],
        Condition.StartsWith(var value, var prefix) => [value, prefix],
        _ => [],
    };
}
