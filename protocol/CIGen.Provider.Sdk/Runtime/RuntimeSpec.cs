using System.Text;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// The records of a runtime operation (<see cref="CigenRuntime.SpecVariable"/>), one per line, from the graph's data:
/// every provider passes the same records for the same job. The <c>hash</c> records of several jobs write the inputs
/// they share once, as a set (<see cref="SharedSets"/>); with <see cref="SharesGroups"/> the user's source file groups
/// are such sets first (<see cref="GroupSets"/>).
/// </summary>
public sealed class RuntimeSpec
{
    private readonly StringBuilder lines = new();

    /// <summary>The hash's jobs, in order, each with its input records and the records after them.</summary>
    private readonly List<(string? Name, List<string> Inputs, List<string> After)> jobs = [];

    /// <summary>The skipping of each job added, for the group sets written before them (<see cref="SharesGroups"/>).</summary>
    private readonly List<JobSkipping> skippings = [];

    /// <summary>
    /// Whether the source file groups the jobs' inputs name (<see cref="HashInputs.Groups"/>) are written once as sets,
    /// before the jobs (<see cref="GroupSets"/>), and each job takes its groups with <c>uses @GROUP</c> — sets that stay
    /// as they are when a job is added, unlike the ones <see cref="SharedSets"/> finds, which then make sets of the
    /// records left.
    /// </summary>
    public bool SharesGroups { get; init; }

    /// <summary>A job for <c>hash</c>: its inputs, what its markers name of the ref, and whether tags look it up.</summary>
    public RuntimeSpec Job(string name, JobSkipping skipping)
    {
        ArgumentNullException.ThrowIfNull(skipping);
        var inputs = InputLines(skipping, SharesGroups).ToList();
        skippings.Add(skipping);
        var after = new List<string>();
        if (skipping.RefScope != SkipRefScope.None)
        {
            after.Add(ShellWords.Line("ref", skipping.RefScope));
        }

        if (!skipping.SkipOnTags)
        {
            after.Add(ShellWords.Line("no_tags"));
        }

        jobs.Add((name, inputs, after));
        return this;
    }

    /// <summary>
    /// The <c>hash</c> records that follow a job's <c>job</c> record — its inputs, <c>ref</c> and <c>no_tags</c> — for a
    /// platform that writes the job and marker records itself around them (CircleCI: a command that its jobs use).
    /// </summary>
    public static string InputRecords(JobSkipping skipping) => InputRecords(skipping, usesGroups: false);

    /// <summary>
    /// <see cref="InputRecords(JobSkipping)"/>; with <paramref name="usesGroups"/> the records of the job's source file
    /// groups are taken with <c>uses @GROUP</c>, for a spec that writes <see cref="GroupSets"/> before its job.
    /// </summary>
    public static string InputRecords(JobSkipping skipping, bool usesGroups)
    {
        var (_, inputs, after) = new RuntimeSpec { SharesGroups = usesGroups }.Job("", skipping).jobs[0];
        return string.Concat(inputs.Concat(after).Select(record => record + "\n"));
    }

    /// <summary>
    /// The sets of the source file groups the jobs' inputs name (<see cref="HashInputs.Groups"/>), each once: <c>inputs
    /// @GROUP</c>, a <c>uses @OTHER</c> per group it names (written before it) and its own records. Groups go in order of
    /// their names, each after the groups it names, so the text depends only on which groups are used: adding a job that
    /// names no new group leaves it as it is.
    /// </summary>
    public static string GroupSets(IEnumerable<JobSkipping> skippings)
    {
        ArgumentNullException.ThrowIfNull(skippings);
        var byName = new Dictionary<string, InputGroup>(StringComparer.Ordinal);
        foreach (var group in skippings.SelectMany(s => s.Inputs.Groups))
        {
            byName.TryAdd(group.Name, group);
        }

        var text = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        void Write(InputGroup group)
        {
            if (!written.Add(group.Name))
            {
                return;
            }

            var named = group.Groups.Where(byName.ContainsKey).ToList();
            named.ForEach(name => Write(byName[name]));
            text.Append(ShellWords.Line("inputs", SetName(group.Name))).Append('\n');
            foreach (var line in named.Select(name => ShellWords.Line("uses", SetName(name))).Concat(Records([], group.Include, group.Exclude)))
            {
                text.Append(line).Append('\n');
            }
        }

        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
        {
            Write(byName[name]);
        }

        return text.ToString();
    }

    /// <summary>A group's set is named as <c>source_files</c> name the group: <c>@packages</c>.</summary>
    private static string SetName(string group) => "@" + group;

    /// <summary>A job's <c>uses @GROUP</c> records: one per group of its inputs that no other of them names.</summary>
    private static IEnumerable<string> GroupUses(JobSkipping skipping)
    {
        var groups = skipping.Inputs.Groups;
        var named = groups.SelectMany(g => g.Groups).ToHashSet(StringComparer.Ordinal);
        return groups.Where(g => !named.Contains(g.Name)).Select(g => ShellWords.Line("uses", SetName(g.Name)));
    }

    /// <summary>
    /// The job's require, include and exclude records; with <paramref name="usesGroups"/> its groups' records are
    /// <c>uses @GROUP</c> records instead, after the requires, as <c>source_files</c> follow the definition files.
    /// </summary>
    private static IEnumerable<string> InputLines(JobSkipping skipping, bool usesGroups)
    {
        var inputs = skipping.Inputs;
        var requires = Records(inputs.DefinitionFiles, [], []);
        if (!usesGroups)
        {
            return requires.Concat(Records([], inputs.Include, inputs.Exclude));
        }

        var grouped = Records([], inputs.Groups.SelectMany(g => g.Include), inputs.Groups.SelectMany(g => g.Exclude)).ToHashSet(StringComparer.Ordinal);
        return requires.Concat(GroupUses(skipping)).Concat(Records([], inputs.Include, inputs.Exclude).Where(record => !grouped.Contains(record)));
    }

    private static IEnumerable<string> Records(IEnumerable<string> require, IEnumerable<string> include, IEnumerable<string> exclude) =>
        require.Select(file => ShellWords.Line("require", file))
            .Concat(include.Select(ere => ShellWords.Line("include", ere)))
            .Concat(exclude.Select(ere => ShellWords.Line("exclude", ere)));

    /// <summary>
    /// For <c>hash</c>, after its job: print the marker named <paramref name="prefix"/> + [REF_KIND/] + JOB_HASH as
    /// <paramref name="output"/>; for a matrix leg also its key <paramref name="leg"/> and its matrix values
    /// <paramref name="values"/> (a JSON object), which the job's decisions on its legs are made of.
    /// </summary>
    public RuntimeSpec Marker(string output, string prefix, string? leg = null, string? values = null)
    {
        if (jobs.Count == 0)
        {
            jobs.Add((null, [], []));
        }

        if (leg is null)
        {
            jobs[^1].After.Add(ShellWords.Line("marker", output, prefix));
            return this;
        }

        // A leg's marker is only read from NAME_legs, so it needs no output of its own: one record carries it, unless
        // that record would be long enough to make the spec hard to read — then the marker goes on a record before it.
        var oneRecord = ShellWords.Line("leg", leg, values ?? "{}", prefix);
        if (oneRecord.Length <= InlineLegWidth)
        {
            jobs[^1].After.Add(oneRecord);
        }
        else
        {
            jobs[^1].After.Add(ShellWords.Line("marker", output, prefix));
            jobs[^1].After.Add(ShellWords.Line("leg", leg, values ?? "{}"));
        }

        return this;
    }

    /// <summary>
    /// The input records several jobs share, as sets: records go together when the same jobs have them, and such a
    /// group is written once (<c>inputs SET</c>, its records) and named in each of its jobs (<c>uses SET</c>) only when
    /// that takes fewer lines than writing the records in every job — k records in n jobs: 1 + k + n lines against
    /// n × k. The order of a job's inputs does not change its hash, so a set's records move to where the job names it.
    /// </summary>
    private List<(string Name, List<string> Records, HashSet<int> Jobs)> SharedSets()
    {
        var holders = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < jobs.Count; i++)
        {
            // A group's `uses` stays with its job: the group is a set already.
            foreach (var record in jobs[i].Inputs.Where(r => !r.StartsWith("uses ", StringComparison.Ordinal)))
            {
                if (!holders.TryGetValue(record, out var holding))
                {
                    holders.Add(record, holding = []);
                    order.Add(record);
                }

                holding.Add(i);
            }
        }

        var sets = new List<(string Name, List<string> Records, HashSet<int> Jobs)>();
        foreach (var group in order.GroupBy(record => string.Join(',', holders[record].Order()), StringComparer.Ordinal))
        {
            var records = group.ToList();
            var holding = holders[records[0]];
            if (1 + records.Count + holding.Count < records.Count * holding.Count)
            {
                sets.Add(($"set{sets.Count + 1}", records, holding));
            }
        }

        return sets;
    }

    private string HashRecords()
    {
        var text = new StringBuilder(SharesGroups ? GroupSets(skippings) : "");
        var sets = SharedSets();
        foreach (var set in sets)
        {
            text.Append(ShellWords.Line("inputs", set.Name)).Append('\n');
            foreach (var record in set.Records)
            {
                text.Append(record).Append('\n');
            }
        }

        for (var i = 0; i < jobs.Count; i++)
        {
            var (name, inputs, after) = jobs[i];
            if (name is not null)
            {
                text.Append(ShellWords.Line("job", name)).Append('\n');
            }

            var used = sets.Where(set => set.Jobs.Contains(i)).ToList();
            var shared = used.SelectMany(set => set.Records).ToHashSet(StringComparer.Ordinal);
            foreach (var line in used.Select(set => ShellWords.Line("uses", set.Name)).Concat(inputs.Where(r => !shared.Contains(r))).Concat(after))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The records of <c>keys</c> for a <c>key_values</c> step. A join's parts go on its own record
    /// (<c>join NAME value=os text=-</c>…) when that line stays short, else one record each.
    /// </summary>
    public static string Keys(IReadOnlyList<KeyValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spec = new RuntimeSpec();
        foreach (var value in values)
        {
            (string Kind, IReadOnlyList<VersionProbe> Probes, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, IReadOnlyList<KeyPart> Parts) fields = value switch
            {
                KeyValue.Tool tool => (KeyValueKind.Tool, tool.Probes, [], [], []),
                KeyValue.Digest digest => (KeyValueKind.Digest, [], digest.Include, digest.Exclude, []),
                KeyValue.Join join => (KeyValueKind.Join, [], [], [], join.Parts),
                _ => throw new ArgumentException($"a key value of type {value.GetType().Name} has no record", nameof(values)),
            };
            var (kind, probes, include, exclude, joined) = fields;
            var parts = JoinParts(joined);
            var inline = ShellWords.Line([kind, value.Name, .. parts.Select(part => $"{part.Record}={part.Text}")]);
            if (parts.Count > 0 && inline.Length <= InlineJoinWidth)
            {
                spec.lines.Append(inline).Append('\n');
                continue;
            }

            spec.Add(kind, value.Name);
            foreach (var probe in probes)
            {
                if (probe.File is not null)
                {
                    spec.Add(probe.Pattern is null ? ["file", probe.File] : ["file", probe.File, probe.Pattern]);
                }
                else if (probe.Command is not null)
                {
                    spec.Add("command", probe.Command.Trim());
                }
            }

            foreach (var ere in include)
            {
                spec.Add("include", ere);
            }

            foreach (var ere in exclude)
            {
                spec.Add("exclude", ere);
            }

            foreach (var (record, text) in parts)
            {
                spec.Add(record, text);
            }
        }

        return spec.ToString();
    }

    /// <summary>The longest <c>leg</c> record that carries its leg's marker prefix; a longer one follows a <c>marker</c>.</summary>
    private const int InlineLegWidth = 160;

    /// <summary>The longest <c>join</c> record that carries its parts itself; a longer join writes a record per part.</summary>
    private const int InlineJoinWidth = 150;

    /// <summary>A join's parts as records, texts next to each other written as one (the join's value is the same).</summary>
    private static List<(string Record, string Text)> JoinParts(IReadOnlyList<KeyPart> parts)
    {
        var records = new List<(string Record, string Text)>();
        foreach (var part in parts)
        {
            var record = part switch
            {
                KeyPart.Value value => ("value", value.Name),
                KeyPart.Literal literal => ("text", literal.Text),
                KeyPart.Env env => ("env", env.Name),
                _ => throw new ArgumentException(
                    $"a join's {part.Kind} part has no record: a provider spells it first (a leg's matrix value as text, or an env part)", nameof(parts)),
            };
            if (record.Item1 == "text" && records.Count > 0 && records[^1].Record == "text")
            {
                records[^1] = ("text", records[^1].Text + record.Item2);
            }
            else
            {
                records.Add(record);
            }
        }

        return records;
    }

    private RuntimeSpec Add(params string[] words)
    {
        lines.Append(ShellWords.Line(words)).Append('\n');
        return this;
    }

    public override string ToString() => HashRecords() + lines;
}
