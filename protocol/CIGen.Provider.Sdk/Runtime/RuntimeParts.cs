using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>The parts of the runtime a generated output calls; the others are left out of it (<see cref="CigenRuntime.ScriptFor"/>).</summary>
[Flags]
public enum RuntimeParts
{
    None = 0,

    /// <summary>The <c>hash</c> operation: job hashes, REF_KIND, marker names.</summary>
    Hash = 1,

    /// <summary>The <c>keys</c> operation: cache-key values.</summary>
    Keys = 2,

    /// <summary>Skip markers in an S3 bucket.</summary>
    S3 = 4,

    /// <summary>Skip markers in Redis.</summary>
    Redis = 8,

    /// <summary>Skip markers looked up in GitHub's Actions cache through its REST API (actions/cache/save records them).</summary>
    GitHubCache = 16,

    All = Hash | Keys | S3 | Redis | GitHubCache,
}

public static class RuntimePartsOf
{
    /// <summary>
    /// What the graph's jobs need: <see cref="RuntimeParts.Hash"/> for a skippable job, its backend's part for an S3 or
    /// Redis marker, <see cref="RuntimeParts.Keys"/> for a <c>key_values</c> step (in a job or a command).
    /// </summary>
    public static RuntimeParts Graph(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parts = RuntimeParts.None;
        foreach (var job in graph.Workflows.SelectMany(w => w.Jobs))
        {
            if (job.Skipping is { } skipping)
            {
                parts |= RuntimeParts.Hash | skipping.Backend.Type switch
                {
                    "s3" => RuntimeParts.S3,
                    "redis" => RuntimeParts.Redis,
                    _ => RuntimeParts.None,
                };
            }

            if (job.Steps.Any(s => s.Kind == StepKind.KeyValues))
            {
                parts |= RuntimeParts.Keys;
            }
        }

        if (graph.Commands.Any(c => c.Steps.Any(s => s.Kind == StepKind.KeyValues)))
        {
            parts |= RuntimeParts.Keys;
        }

        return parts;
    }
}
