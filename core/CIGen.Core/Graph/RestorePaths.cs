using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// A hand-written <c>restore_cache</c> without <c>paths</c> restores what a <c>save_cache</c> of the graph saved: the
/// first save (jobs in order, then commands) whose key text equals one of the restore keys, or starts with one of them,
/// trying the restore keys in lookup order. Platforms that restore by path need the paths; CircleCI ignores them.
/// </summary>
internal sealed class RestorePaths(IEnumerable<Step> allSteps)
{
    private readonly IReadOnlyList<SaveCacheStep> saves = [.. allSteps.OfType<SaveCacheStep>().Where(s => s.Key is not null && s.Paths.Count > 0)];

    public IReadOnlyList<Step> Apply(IReadOnlyList<Step> steps) =>
        steps.Any(NeedsPaths) ? [.. steps.Select(s => NeedsPaths(s) ? (RestoreCacheStep)s with { Paths = PathsFor((RestoreCacheStep)s) } : s)] : steps;

    private static bool NeedsPaths(Step step) => step is RestoreCacheStep { Paths.Count: 0, Cache: null };

    private IReadOnlyList<string> PathsFor(RestoreCacheStep restore)
    {
        foreach (var key in restore.Keys)
        {
            if (saves.FirstOrDefault(s => s.Key == key) is { } exact)
            {
                return exact.Paths;
            }

            if (saves.FirstOrDefault(s => s.Key!.StartsWith(key, StringComparison.Ordinal)) is { } prefixed)
            {
                return prefixed.Paths;
            }
        }

        return [];
    }
}
