using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>Named runner profiles: <c>runs_on</c> (or <c>labels</c> + <c>group</c>), resource class, backends.</summary>
internal static class RunnerBinder
{
    private static readonly KeySet Keys = new(
        "a mapping `{runs_on, labels, group, resource_class, cache_backend, skip_cache}`",
        ["runs_on", "labels", "group", "resource_class", "cache_backend", "skip_cache"]);

    public static IReadOnlyList<RunnerModel> Bind(ConfigNode node, NodeReader reader) =>
        [.. reader.Entries(node, "`runners`", "a mapping of runner names to profiles")
            .Select(entry =>
            {
                var map = reader.Map(entry.Value, $"runner `{entry.Name}`", Keys);
                map.Exclusive("runs_on", "labels", "`labels` is another name for `runs_on`");
                var runsOn = map.Has("runs_on") ? map.PlainStrings("runs_on", allowSingle: true) : map.PlainStrings("labels", allowSingle: true);
                return new RunnerModel(
                    new RunnerProfile
                    {
                        Name = entry.Name,
                        RunsOn = runsOn,
                        Group = map.String("group"),
                        ResourceClass = map.String("resource_class"),
                    },
                    map.Located("cache_backend"),
                    map.Located("skip_cache"),
                    entry.Key.Location);
            })];
}
