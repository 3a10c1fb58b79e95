using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>A job under <c>jobs:</c>: what it depends on and when it runs first, then where, then how.</summary>
internal sealed record WorkflowJob
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Needs { get; init; } = [];

    public string? If { get; init; }

    public required IReadOnlyList<string> RunsOn { get; init; }

    public string? Container { get; init; }

    public int? TimeoutMinutes { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public IReadOnlyList<JobStep> Steps { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var job = new YamlMapping();
        job.AddIfPresent("name", Name);
        job.AddIfPresent("needs", Needs.Count > 0 ? YamlValues.OneOrList(Needs) : null);
        job.AddIfPresent("if", If);
        job.Add("runs-on", YamlValues.OneOrList(RunsOn));
        job.AddIfPresent("container", Container);
        job.AddIfPresent("timeout-minutes", TimeoutMinutes is { } minutes ? YamlScalar.Int(minutes) : null);
        job.AddIfPresent("env", YamlValues.MapOrNull(Env));
        job.Add("steps", new YamlSequence(Steps.Select(s => (YamlNode)s.ToYaml())));
        return job;
    }
}
