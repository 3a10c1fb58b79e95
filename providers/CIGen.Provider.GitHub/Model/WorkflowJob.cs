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

    /// <summary>The matrix, for a job that runs once per combination.</summary>
    public MatrixStrategy? Strategy { get; init; }

    public required IReadOnlyList<string> RunsOn { get; init; }

    /// <summary>The deployment environment the job runs in; its protection rules (required reviewers) gate the job.</summary>
    public string? Environment { get; init; }

    /// <summary>The URL shown for the deployment environment; only with <see cref="Environment"/>.</summary>
    public string? EnvironmentUrl { get; init; }

    public PermissionSet? Permissions { get; init; }

    public ConcurrencyGroup? Concurrency { get; init; }

    public OrderedDictionary<string, string> Outputs { get; init; } = [];

    /// <summary>A boolean or an expression.</summary>
    public Scalar? ContinueOnError { get; init; }

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
        job.AddIfPresent("strategy", Strategy?.ToYaml());
        job.Add("runs-on", YamlValues.OneOrList(RunsOn));
        job.AddIfPresent("permissions", Permissions?.ToYaml());
        job.AddIfPresent("environment", EnvironmentYaml());
        job.AddIfPresent("concurrency", Concurrency?.ToYaml());
        job.AddIfPresent("outputs", OutputsYaml());
        job.AddIfPresent("container", Container);
        job.AddIfPresent("services", Services.Count > 0 ? ServicesYaml() : null);
        job.AddIfPresent("timeout-minutes", TimeoutMinutes is { } minutes ? YamlScalar.Int(minutes) : null);
        job.AddIfPresent("continue-on-error", ContinueOnError is { } continueOnError ? YamlScalar.From(continueOnError) : null);
        job.AddIfPresent("env", YamlValues.MapOrNull(Env));
        job.Add("steps", new YamlSequence(Steps.Select(s => (YamlNode)s.ToYaml())));
        return job;
    }

    private YamlNode? EnvironmentYaml() => Environment is null
        ? null
        : EnvironmentUrl is null ? Environment : new YamlMapping { { "name", Environment }, { "url", EnvironmentUrl } };

    private YamlMapping? OutputsYaml()
    {
        if (Outputs.Count == 0)
        {
            return null;
        }

        var outputs = new YamlMapping();
        foreach (var (name, value) in Outputs)
        {
            outputs.Add(name, value);
        }

        return outputs;
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
