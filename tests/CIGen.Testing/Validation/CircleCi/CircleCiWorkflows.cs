using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// The jobs of each workflow: every job is defined (under <c>jobs:</c> or by a declared orb) unless it is an approval
/// job, gets the parameters the job declares, has a name unique in the workflow, and requires only jobs of the same
/// workflow — by their workflow-level <c>name:</c> when renamed — without cycles.
/// </summary>
internal static class CircleCiWorkflows
{
    /// <summary>Keys of a workflow job entry that configure the entry; every other key is an argument of the job.</summary>
    private static readonly IReadOnlySet<string> EntryKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "requires", "context", "type", "filters", "matrix", "pre-steps", "post-steps", "serial-group", "override-with", "plan_name",
    };

    /// <param name="MatrixAlias">Set for a matrix job: its <c>matrix.alias</c>, else its name; requiring it requires every instance.</param>
    private sealed record Entry(string Name, YamlNode NameNode, string? MatrixAlias, IReadOnlyList<(string Target, YamlNode Node)> Requires);

    public static void Check(CircleCiConfig config)
    {
        foreach (var (workflow, _, body) in Entries(Get(config.Root, "workflows")))
        {
            // `workflows: version: 2` is a 2.0 leftover that 2.1 tolerates.
            if (body is YamlMappingNode && Get(body, "jobs") is YamlSequenceNode jobs)
            {
                CheckWorkflow(config, workflow, jobs);
            }
        }
    }

    private static void CheckWorkflow(CircleCiConfig config, string workflow, YamlSequenceNode jobs)
    {
        var context = $"workflow '{workflow}'";
        var entries = new List<Entry>();
        foreach (var item in jobs.Children)
        {
            var (reference, referenceNode, settings) = item switch
            {
                YamlScalarNode { Value: { } text } => (text, item, (YamlNode?)null),
                YamlMappingNode when Entries(item) is [var single] => (single.Key, single.KeyNode, single.Value),
                _ => (null, item, null), // The schema reports any other shape.
            };
            if (reference is null)
            {
                continue;
            }

            var where = $"{context}, job '{reference}'";
            if (Text(Get(settings, "type")) != "approval")
            {
                CheckDefinition(config, reference, referenceNode, settings, where);
            }

            CircleCiSteps.Check(config, Get(settings, "pre-steps"), $"{where} pre-steps");
            CircleCiSteps.Check(config, Get(settings, "post-steps"), $"{where} post-steps");

            var nameNode = Get(settings, "name");
            var name = Text(nameNode) ?? reference;
            if (entries.FirstOrDefault(e => e.Name == name) is { } earlier)
            {
                config.Report(nameNode ?? referenceNode, $"{context}: two jobs are named '{name}' (the first at line {earlier.NameNode.Start.Line}): give one a different name:");
            }

            var requires = (Get(settings, "requires") as YamlSequenceNode)?.Children
                .Select(r => r switch
                {
                    YamlScalarNode { Value: { } target } => (target, r),
                    // `- build: [success, failed]` requires build to end in one of those states.
                    YamlMappingNode when Entries(r) is [var single] => (single.Key, single.KeyNode),
                    _ => ((string?)null, r),
                })
                .Where(r => r.Item1 is not null)
                .Select(r => (r.Item1!, r.Item2))
                .ToList() ?? [];
            var matrix = Get(settings, "matrix");
            var alias = matrix is null ? null : Text(Get(matrix, "alias")) ?? name;
            entries.Add(new Entry(name, nameNode ?? referenceNode, alias, requires));
        }

        var edges = entries.Select(entry => entry.Requires
            .Select(r => (r.Target, r.Node, Index: entries.FindIndex(e => Satisfies(e, r.Target))))
            .ToList()).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var (target, node, index) in edges[i])
            {
                if (index < 0)
                {
                    config.Report(node, $"{context}: job '{entries[i].Name}' requires '{target}', which is not a job of this workflow");
                }
            }
        }

        ReportCycles(config, context, entries, edges.Select(e => e.Where(r => r.Index >= 0).Select(r => (r.Index, r.Node)).ToList()).ToList());
    }

    private static void CheckDefinition(CircleCiConfig config, string reference, YamlNode at, YamlNode? settings, string where)
    {
        var job = config.Resolve(reference, "jobs", at, where, "nor an approval job: add `type: approval` to make it one");
        if (job is null)
        {
            return;
        }

        var arguments = Entries(settings).Where(e => !EntryKeys.Contains(e.Key)).ToList();
        var matrix = Entries(Get(Get(settings, "matrix"), "parameters")).Select(e => e.Key).ToList();
        foreach (var steps in CircleCiArguments.Check(config, job, $"job '{reference}'", arguments, matrix, at, where))
        {
            CircleCiSteps.Check(config, steps.Value, $"{where}, argument '{steps.Key}'");
        }
    }

    /// <summary>
    /// A matrix job runs as jobs named <c>name-value…</c>: requiring one of them, or the alias (the name unless
    /// <c>matrix.alias</c> says otherwise), requires them.
    /// </summary>
    private static bool Satisfies(Entry entry, string target) =>
        entry.Name == target
        || (entry.MatrixAlias is { } alias && (target == alias || target.StartsWith(entry.Name + "-", StringComparison.Ordinal)));

    /// <summary>Depth-first search in document order; each back edge closes one cycle, reported once with its path.</summary>
    private static void ReportCycles(CircleCiConfig config, string context, List<Entry> entries, List<List<(int Index, YamlNode Node)>> edges)
    {
        var state = new int[entries.Count]; // 0 unvisited, 1 on the current path, 2 done
        var path = new List<int>();

        void Visit(int job)
        {
            state[job] = 1;
            path.Add(job);
            foreach (var (required, node) in edges[job])
            {
                if (state[required] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(required)).Append(required).Select(j => entries[j].Name);
                    config.Report(node, $"{context}: requires form a cycle (each requires the next): {string.Join(" -> ", cycle)}");
                }
                else if (state[required] == 0)
                {
                    Visit(required);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[job] = 2;
        }

        for (var job = 0; job < entries.Count; job++)
        {
            if (state[job] == 0)
            {
                Visit(job);
            }
        }
    }
}
