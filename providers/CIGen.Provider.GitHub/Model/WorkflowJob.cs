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

    /// <summary>The deployment environment the job runs in; its protection rules (required reviewers) gate the job.</summary>
    public string? Environment { get; init; }

    public string? Container { get; init; }

    public IReadOnlyList<JobService> Services { get; init; } = [];

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
        job.AddIfPresent("environment", Environment);
        job.AddIfPresent("container", Container);
        job.AddIfPresent("services", Services.Count > 0 ? ServicesYaml() : null);
        job.AddIfPresent("timeout-minutes", TimeoutMinutes is { } minutes ? YamlScalar.Int(minutes) : null);
        job.AddIfPresent("env", YamlValues.MapOrNull(Env));
        job.Add("steps", new YamlSequence(Steps.Select(s => (YamlNode)s.ToYaml())));
        return job;
    }

    private YamlMapping ServicesYaml()
    {
        var services = new YamlMapping();
        foreach (var service in Services)
        {
            services.Add(service.Name, service.ToYaml());
        }

        return services;
    }
}
