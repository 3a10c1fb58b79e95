using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>An entry of <c>workflows:</c>: an optional <c>when</c> guard and the jobs it runs.</summary>
internal sealed record WorkflowDefinition
{
    public required string Name { get; init; }

    /// <summary>A logic statement, e.g. <c>&lt;&lt; pipeline.parameters.run_nightly &gt;&gt;</c>; null: the workflow runs on every pipeline its filters accept.</summary>
    public string? When { get; init; }

    public required IReadOnlyList<WorkflowEntry> Jobs { get; init; }

    public YamlMapping ToYaml()
    {
        var workflow = new YamlMapping();
        workflow.AddIfPresent("when", When);
        workflow.Add("jobs", new YamlSequence(Jobs.Select(j => j.ToYaml())));
        return workflow;
    }
}

/// <summary>
/// One job of a workflow: <c>- name</c>, or <c>- name: {type, requires, context, filters}</c> when it has settings —
/// what kind of job first, what it waits for, then what it may use and when it runs. A use of a job with parameters is
/// <c>- job: {name, arguments…, requires, …}</c>: the definition, then the name this use has in the workflow.
/// </summary>
internal sealed record WorkflowEntry
{
    /// <summary>The job's name in the workflow, what <c>requires</c> of other jobs name.</summary>
    public required string Name { get; init; }

    /// <summary>The entry of <c>jobs:</c> this use runs, when it is not <see cref="Name"/>: a job with parameters.</summary>
    public string? Job { get; init; }

    /// <summary>What this use passes to the job's parameters.</summary>
    public IReadOnlyList<(string Name, YamlScalar Value)> Arguments { get; init; } = [];

    /// <summary><c>approval</c> for a manual gate that is no entry of <c>jobs:</c>.</summary>
    public string? Type { get; init; }

    public IReadOnlyList<string> Requires { get; init; } = [];

    public IReadOnlyList<string> Context { get; init; } = [];

    public JobFilters? Filters { get; init; }

    public YamlNode ToYaml()
    {
        var settings = new YamlMapping();
        if (Job is not null)
        {
            settings.Add("name", Name);
        }

        foreach (var (name, value) in Arguments)
        {
            settings.Add(name, value);
        }

        settings.AddIfPresent("type", Type);
        settings.AddIfPresent("requires", Requires.Count > 0 ? YamlValues.List(Requires) : null);
        settings.AddIfPresent("context", Context.Count > 0 ? YamlValues.OneOrList(Context) : null);
        settings.AddIfPresent("filters", Filters?.ToYaml());
        return settings.Count == 0 ? YamlScalar.String(Name) : new YamlMapping { { Job ?? Name, settings } };
    }
}
