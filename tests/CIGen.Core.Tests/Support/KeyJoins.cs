using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Core.Tests.Support;

/// <summary>Reads a job's automatic cache keys as the runtime fills them in: each join value unfolded into its parts.</summary>
internal static class KeyJoins
{
    public static KeyValuesStep KeyValuesStep(this Job job) => job.Steps.OfType<KeyValuesStep>().Single();

    /// <summary>The records the job's key_values step hands the runtime (what it probes, in order).</summary>
    public static string KeySpec(this Job job) => RuntimeSpec.Keys(job.KeyValuesStep().KeyValues);

    /// <summary><paramref name="key"/> with every join value of <paramref name="job"/> replaced by the parts it joins.</summary>
    public static CacheKey Unfolded(this CacheKey key, Job job)
    {
        var joins = job.KeyValuesStep().KeyValues.OfType<KeyValue.Join>().ToDictionary(v => v.Name, StringComparer.Ordinal);
        return key with
        {
            Parts = [.. key.Parts.SelectMany(p => p is KeyPart.Value value && joins.TryGetValue(value.Name, out var join) ? join.Parts : [p])],
        };
    }
}
