using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// The parts of the runtime a generated output calls; the others are left out of it (<see cref="CigenRuntime.ScriptFor"/>).
/// A part of an operation (<see cref="HashRef"/>…) counts only with its operation. A record of a part left out fails
/// the runtime as an unknown record, so a provider takes a part whenever one of its records may be written.
/// </summary>
[Flags]
public enum RuntimeParts
{
    None = 0,

    /// <summary>The <c>hash</c> operation: job hashes and marker names (<c>job</c>, <c>require</c>, <c>include</c>, <c>exclude</c>, <c>marker</c>).</summary>
    Hash = 1,

    /// <summary>The <c>keys</c> operation: os, os_version, arch and <c>join</c> values.</summary>
    Keys = 2,

    /// <summary>Skip markers in an S3 bucket.</summary>
    S3 = 4,

    /// <summary>Skip markers in Redis.</summary>
    Redis = 8,

    /// <summary>Skip markers looked up in GitHub's Actions cache through its REST API (actions/cache/save records them).</summary>
    GitHubCache = 16,

    /// <summary><c>hash</c>'s <c>ref</c> and <c>no_tags</c> records: REF_KIND.</summary>
    HashRef = 32,

    /// <summary><c>hash</c>'s <c>leg</c> records: a matrix job's decisions on its legs.</summary>
    HashLegs = 64,

    /// <summary><c>hash</c>'s <c>inputs</c> and <c>uses</c> records: inputs several jobs share.</summary>
    HashSets = 128,

    /// <summary><c>keys</c>' <c>tool</c> records and their probes (<c>file</c>, <c>command</c>).</summary>
    KeyProbes = 256,

    /// <summary><c>keys</c>' <c>digest</c> records and their <c>include</c>/<c>exclude</c>.</summary>
    KeyDigests = 512,

    /// <summary><c>keys</c>' <c>file</c> probes (with <see cref="KeyProbes"/>).</summary>
    KeyFiles = 1024,

    /// <summary>The marker backends.</summary>
    Backends = S3 | Redis | GitHubCache,

    All = Hash | Keys | Backends | HashRef | HashLegs | HashSets | KeyProbes | KeyDigests | KeyFiles,
}

public static class RuntimePartsOf
{
    /// <summary>
    /// What the graph's jobs may need, from their data: <see cref="RuntimeParts.Hash"/> and its parts for skippable jobs
    /// (<see cref="RuntimeParts.HashSets"/> whenever there are any, as <see cref="RuntimeSpec"/> may share inputs), their
    /// S3 or Redis backends, <see cref="RuntimeParts.Keys"/> and its parts for <c>key_values</c> steps (in a job or a
    /// command). For a provider that cannot read every record it writes (CircleCI passes records through parameters);
    /// one that can reads them with <see cref="Records"/> and takes only the backends from here.
    /// </summary>
    public static RuntimeParts Graph(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parts = RuntimeParts.None;
        foreach (var job in graph.Workflows.SelectMany(w => w.Jobs))
        {
            if (job.Skipping is { } skipping)
            {
                parts |= Skipping(skipping);
            }

            parts |= KeyValues(job.Steps);
        }

        return graph.Commands.Aggregate(parts, (all, command) => all | KeyValues(command.Steps));
    }

    /// <summary>What hashing a skippable job and asking its marker backend (S3 or Redis) needs.</summary>
    public static RuntimeParts Skipping(JobSkipping skipping)
    {
        ArgumentNullException.ThrowIfNull(skipping);
        var parts = RuntimeParts.Hash | RuntimeParts.HashSets | skipping.Backend.Type switch
        {
            "s3" => RuntimeParts.S3,
            "redis" => RuntimeParts.Redis,
            _ => RuntimeParts.None,
        };
        if (skipping.RefScope != SkipRefScope.None || !skipping.SkipOnTags)
        {
            parts |= RuntimeParts.HashRef;
        }

        return skipping.Markers.Any(m => m.Leg is not null) ? parts | RuntimeParts.HashLegs : parts;
    }

    private static RuntimeParts KeyValues(IEnumerable<Step> steps)
    {
        var parts = RuntimeParts.None;
        foreach (var step in steps.OfType<KeyValuesStep>())
        {
            parts |= RuntimeParts.Keys;
            foreach (var value in step.KeyValues)
            {
                parts |= value switch
                {
                    KeyValue.Tool tool => RuntimeParts.KeyProbes | (tool.Probes.Any(p => p.File is not null) ? RuntimeParts.KeyFiles : RuntimeParts.None),
                    KeyValue.Digest => RuntimeParts.KeyDigests,
                    _ => RuntimeParts.None,
                };
            }
        }

        return parts;
    }

    /// <summary>
    /// What running <paramref name="operation"/> with the records <paramref name="spec"/> needs, read from the records
    /// themselves (each record's first word); the marker backends are not in records (<c>CIGEN_BACKEND</c>), so
    /// <c>lookup</c> and <c>record</c> need nothing here.
    /// </summary>
    public static RuntimeParts Records(string operation, string? spec)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var kinds = (spec ?? string.Empty).Split('\n')
            .Select(line => line.Trim().Split(' ', 2)[0])
            .Where(kind => kind.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var has = (string[] names) => names.Any(kinds.Contains);
        return operation switch
        {
            CigenRuntime.Hash => RuntimeParts.Hash
                | (has(["ref", "no_tags"]) ? RuntimeParts.HashRef : RuntimeParts.None)
                | (has(["leg"]) ? RuntimeParts.HashLegs : RuntimeParts.None)
                | (has(["inputs", "uses"]) ? RuntimeParts.HashSets : RuntimeParts.None),
            CigenRuntime.Keys => RuntimeParts.Keys
                | (has(["tool", "file", "command"]) ? RuntimeParts.KeyProbes : RuntimeParts.None)
                | (has(["file"]) ? RuntimeParts.KeyProbes | RuntimeParts.KeyFiles : RuntimeParts.None)
                | (has(["digest", "include", "exclude"]) ? RuntimeParts.KeyDigests : RuntimeParts.None),
            _ => RuntimeParts.None,
        };
    }
}
