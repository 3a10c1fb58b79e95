using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>An input of an action: what it is for, and its default when a caller leaves it out.</summary>
internal sealed record ActionInput(string Id, string Description, bool Required, string? Default = null);

/// <summary>An output of a composite action: the value of one of its steps' outputs.</summary>
internal sealed record ActionOutput(string Id, string Description, string Value);

/// <summary>
/// An <c>action.yml</c> of a composite action, its keys in the order GitHub's docs write them: <c>name</c>,
/// <c>description</c>, <c>inputs</c>, <c>outputs</c>, <c>runs</c>.
/// </summary>
internal sealed record ActionDocument
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<ActionInput> Inputs { get; init; } = [];

    public IReadOnlyList<ActionOutput> Outputs { get; init; } = [];

    /// <summary>The steps of <c>runs:</c>; a composite action's run steps each name their shell.</summary>
    public required IReadOnlyList<JobStep> Steps { get; init; }

    public YamlMapping ToYaml()
    {
        var inputs = new YamlMapping();
        foreach (var input in Inputs)
        {
            var mapping = new YamlMapping { { "description", input.Description }, { "required", YamlScalar.Boolean(input.Required) } };
            mapping.AddIfPresent("default", input.Default);
            inputs.Add(input.Id, mapping);
        }

        var outputs = new YamlMapping();
        foreach (var output in Outputs)
        {
            outputs.Add(output.Id, new YamlMapping { { "description", output.Description }, { "value", output.Value } });
        }

        var steps = new YamlSequence();
        foreach (var step in Steps)
        {
            steps.Add(step.ToYaml());
        }

        var action = new YamlMapping { { "name", Name }, { "description", Description } };
        action.AddIfPresent("inputs", inputs.Count == 0 ? null : inputs, blankLineBefore: true);
        action.AddIfPresent("outputs", outputs.Count == 0 ? null : outputs, blankLineBefore: true);
        action.Add("runs", new YamlMapping { { "using", "composite" }, { "steps", steps } }, blankLineBefore: true);
        return action;
    }
}
