using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>One event under <c>on:</c>. An event without filters is written bare (<c>push:</c>).</summary>
internal sealed record EventTrigger
{
    public const string Schedule = "schedule";

    public const string WorkflowRun = "workflow_run";

    public required string Event { get; init; }

    /// <summary>For <c>workflow_run</c>: the names of the workflows whose runs trigger this one.</summary>
    public IReadOnlyList<string> Workflows { get; init; } = [];

    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Branches { get; init; } = [];

    public IReadOnlyList<string> BranchesIgnore { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> TagsIgnore { get; init; } = [];

    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> PathsIgnore { get; init; } = [];

    public IReadOnlyList<string> Cron { get; init; } = [];

    public IReadOnlyList<DispatchInput> Inputs { get; init; } = [];

    public YamlNode ToYaml()
    {
        if (Event == Schedule)
        {
            return new YamlSequence(Cron.Select(c => (YamlNode)new YamlMapping { { "cron", c } }));
        }

        var filters = new YamlMapping();
        AddList(filters, "workflows", Workflows);
        AddList(filters, "types", Types);
        AddList(filters, "branches", Branches);
        AddList(filters, "branches-ignore", BranchesIgnore);
        AddList(filters, "tags", Tags);
        AddList(filters, "tags-ignore", TagsIgnore);
        AddList(filters, "paths", Paths);
        AddList(filters, "paths-ignore", PathsIgnore);
        if (Inputs.Count > 0)
        {
            var inputs = new YamlMapping();
            foreach (var input in Inputs)
            {
                inputs.Add(input.Name, input.ToYaml());
            }

            filters.Add("inputs", inputs);
        }

        return filters.Count == 0 ? YamlScalar.Null : filters;
    }

    private static void AddList(YamlMapping mapping, string key, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            mapping.Add(key, YamlValues.List(items));
        }
    }
}
