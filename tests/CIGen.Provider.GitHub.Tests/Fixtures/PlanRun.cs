using YamlDotNet.RepresentationModel;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>
/// Runs a plan job's hash step (native markers) the way GitHub would: in a checkout holding the definition files its
/// records require, against GitHub's cache (<see cref="FakeGitHubCache"/>). The cache holds the markers whose output
/// names the caller picks; their keys are learned from a first run with an empty cache.
/// </summary>
internal static class PlanRun
{
    public static RuntimeActionRun.Result Hash(
        YamlMappingNode hash,
        IReadOnlyDictionary<string, object?> context,
        Func<string, bool> cached,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Directory.CreateTempSubdirectory("cigen-plan-");
        try
        {
            foreach (var file in Pairs(Mapping(hash, "with"))["spec"].Split('\n').Where(l => l.StartsWith("require ", StringComparison.Ordinal)))
            {
                File.WriteAllText(Path.Combine(directory.FullName, file["require ".Length..]), "jobs: {}\n");
            }

            var names = Run(hash, context, directory.FullName, [], environment).Values;
            var markers = MarkersByOutputName(names).Where(v => cached(v.Key)).Select(v => v.Value);
            return Run(hash, context, directory.FullName, markers, environment);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every marker the plan names, by the output name a caller picks it with: a marker's own output, or for a leg whose
    /// record carries its marker (printed only in JOB_legs) <c>JOB_SUFFIX_marker</c>, SUFFIX being the leg's key spelled
    /// as the leg's job-name suffix (values joined by <c>_</c>, other characters <c>_</c>).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> MarkersByOutputName(IReadOnlyDictionary<string, string> names)
    {
        foreach (var (name, value) in names)
        {
            if (name.EndsWith("_marker", StringComparison.Ordinal))
            {
                yield return new(name, value);
            }
            else if (name.EndsWith("_legs", StringComparison.Ordinal))
            {
                var job = name[..^"_legs".Length];
                foreach (var leg in System.Text.Json.JsonDocument.Parse(value).RootElement.EnumerateObject())
                {
                    var suffix = System.Text.RegularExpressions.Regex.Replace(leg.Name, "[^A-Za-z0-9_-]", "_");
                    yield return new($"{job}_{suffix}_marker", leg.Value.GetString()!);
                }
            }
        }
    }

    private static RuntimeActionRun.Result Run(
        YamlMappingNode hash, IReadOnlyDictionary<string, object?> context, string directory, IEnumerable<string> cached, IReadOnlyDictionary<string, string>? environment)
    {
        using var cache = new FakeGitHubCache(cached);
        var variables = new Dictionary<string, string>(FakeGitHubCache.Variables);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var run = RuntimeActionRun.Run(hash, new Dictionary<string, object?>(context) { ["github.token"] = "token" }, directory, cache.SearchPath, variables);
        run.ExitCode.Should().Be(0, run.Errors + run.Log);
        run.Errors.Should().NotContain("::warning::");
        return run;
    }
}
