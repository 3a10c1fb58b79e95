using System.Text;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// The records of a runtime operation (<see cref="CigenRuntime.SpecVariable"/>), one per line, from the graph's data:
/// every provider passes the same records for the same job. The <c>hash</c> records of several jobs write the inputs
/// they share once, as a set (<see cref="SharedSets"/>).
/// </summary>
public sealed class RuntimeSpec
{
    private readonly StringBuilder lines = new();

    /// <summary>The hash's jobs, in order, each with its input records and the records after them.</summary>
    private readonly List<(string? Name, List<string> Inputs, List<string> After)> jobs = [];

    /// <summary>A job for <c>hash</c>: its inputs, what its markers name of the ref, and whether tags look it up.</summary>
    public RuntimeSpec Job(string name, JobSkipping skipping)
    {
        ArgumentNullException.ThrowIfNull(skipping);
        var inputs = new List<string>();
        inputs.AddRange(skipping.Inputs.DefinitionFiles.Select(file => ShellWords.Line("require", file)));
        inputs.AddRange(skipping.Inputs.Include.Select(ere => ShellWords.Line("include", ere)));
        inputs.AddRange(skipping.Inputs.Exclude.Select(ere => ShellWords.Line("exclude", ere)));
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
    public static string InputRecords(JobSkipping skipping)
    {
        var (_, inputs, after) = new RuntimeSpec().Job("", skipping).jobs[0];
        return string.Concat(inputs.Concat(after).Select(record => record + "\n"));
    }

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

        jobs[^1].After.Add(ShellWords.Line("marker", output, prefix));
        if (leg is not null)
        {
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
            foreach (var record in jobs[i].Inputs)
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
        var text = new StringBuilder();
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
            var parts = JoinParts(value.Parts);
            var inline = ShellWords.Line([value.Kind, value.Name, .. parts.Select(part => $"{part.Record}={part.Text}")]);
            if (parts.Count > 0 && inline.Length <= InlineJoinWidth)
            {
                spec.lines.Append(inline).Append('\n');
                continue;
            }

            spec.Add(value.Kind, value.Name);
            foreach (var probe in value.Probes)
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

            foreach (var ere in value.Include)
            {
                spec.Add("include", ere);
            }

            foreach (var ere in value.Exclude)
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

    /// <summary>The longest <c>join</c> record that carries its parts itself; a longer join writes a record per part.</summary>
    private const int InlineJoinWidth = 150;

    /// <summary>A join's parts as records, texts next to each other written as one (the join's value is the same).</summary>
    private static List<(string Record, string Text)> JoinParts(IReadOnlyList<KeyPart> parts)
    {
        var records = new List<(string Record, string Text)>();
        foreach (var part in parts)
        {
            var record = part.Kind switch
            {
                KeyPartKind.Value => ("value", part.Name!),
                KeyPartKind.Literal => ("text", part.Text ?? string.Empty),
                KeyPartKind.Env => ("env", part.Name!),
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
