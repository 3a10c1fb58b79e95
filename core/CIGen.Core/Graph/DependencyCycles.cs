using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>A cycle of dependencies, written as a path that returns to its start (a → b → a).</summary>
/// <param name="At">Where the edge from the first node to the second was written.</param>
internal sealed record Cycle(IReadOnlyList<string> Path, SourceLocation At)
{
    public override string ToString() => string.Join(" → ", Path);
}

/// <summary>Finds dependency cycles, each reported once, in a deterministic order (nodes and edges in user order).</summary>
internal static class DependencyCycles
{
    public static IReadOnlyList<Cycle> Find(IReadOnlyList<string> nodes, Func<string, IReadOnlyList<(string Target, SourceLocation At)>> edges)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path, true: done
        var path = new List<(string Node, SourceLocation At)>(); // each node with the edge it left by
        var cycles = new List<Cycle>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string node)
        {
            state[node] = false;
            foreach (var (target, at) in edges(node))
            {
                if (!state.TryGetValue(target, out var done))
                {
                    path.Add((node, at));
                    Visit(target);
                    path.RemoveAt(path.Count - 1);
                }
                else if (!done)
                {
                    var start = path.FindIndex(p => p.Node == target);
                    var members = path.Skip(start < 0 ? path.Count : start).Append((Node: node, At: at)).ToList();
                    var key = string.Join("\n", members.Select(m => m.Node).Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        cycles.Add(new Cycle([.. members.Select(m => m.Node), target], members[0].At));
                    }
                }
            }

            state[node] = true;
        }

        foreach (var node in nodes)
        {
            if (!state.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
