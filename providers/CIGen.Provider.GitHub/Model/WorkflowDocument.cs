using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>One <c>.github/workflows/*.yml</c> file, its top-level keys in the order GitHub's docs write them.</summary>
internal sealed record WorkflowDocument
{
    public required string Name { get; init; }

    public IReadOnlyList<EventTrigger> On { get; init; } = [];

    public PermissionSet? Permissions { get; init; }

    public ConcurrencyGroup? Concurrency { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public IReadOnlyList<WorkflowJob> Jobs { get; init; } = [];

    /// <summary>Top-level sections and jobs are separated by a blank line, as people lay these files out.</summary>
    public YamlMapping ToYaml()
    {
        var on = new YamlMapping();
        foreach (var trigger in On)
        {
            on.Add(trigger.Event, trigger.ToYaml());
        }

        var jobs = new YamlMapping();
        foreach (var job in Jobs)
        {
            jobs.Add(job.Id, job.ToYaml(), blankLineBefore: true);
        }

        var workflow = new YamlMapping { { "name", Name } };
        workflow.AddVerbatimKey("on", on, blankLineBefore: true);
        workflow.AddIfPresent("permissions", Permissions?.ToYaml(), blankLineBefore: true);
        workflow.AddIfPresent("concurrency", Concurrency?.ToYaml(), blankLineBefore: true);
        workflow.AddIfPresent("env", YamlValues.MapOrNull(Env), blankLineBefore: true);
        workflow.Add("jobs", jobs, blankLineBefore: true);
        return workflow;
    }
}
