using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// The backend holding a job's markers: its runner profile's <c>skip_cache</c>, else the top-level
/// <c>skip_cache.default</c>, else the platform's own cache (<c>native</c>); turned into what providers need (env,
/// secret references, scripts). One <see cref="SkipBackend"/> per backend name, shared by the jobs that use it.
/// </summary>
internal sealed class SkipBackends(Graph graph)
{
    public const string Native = "native";

    private readonly Dictionary<string, SkipBackend> built = new(StringComparer.Ordinal);

    public SkipBackend For(Job job)
    {
        var profile = job.Runner?.Profile is { } name ? graph.Runners.FirstOrDefault(r => r.Name == name) : null;
        var chosen = profile?.SkipCache ?? graph.SkipCacheDefault ?? Native;
        if (!built.TryGetValue(chosen, out var backend))
        {
            // An unknown name was reported while building the graph; native keeps this pass total.
            var definition = graph.CacheBackends.FirstOrDefault(b => b.Name == chosen) ?? new CacheBackend { Name = Native, Type = Native };
            backend = Build(definition);
            built.Add(chosen, backend);
        }

        return backend;
    }

    public static SkipBackend Build(CacheBackend definition)
    {
        var env = SkipBackendEnv.Of(definition);
        return new SkipBackend
        {
            Name = definition.Name,
            Type = definition.Type,
            Env = env,
            EnvReferences = EnvReferences.Of(env),
        };
    }
}
