using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>A <c>workflow_dispatch</c> input.</summary>
internal sealed record DispatchInput
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool? Required { get; init; }

    public Scalar? Default { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var input = new YamlMapping();
        input.AddIfPresent("description", Description);
        input.AddIfPresent("required", Required is { } required ? YamlScalar.Boolean(required) : null);
        input.AddIfPresent("default", Default is { } value ? YamlScalar.From(value) : null);
        input.AddIfPresent("type", Type);
        if (Options.Count > 0)
        {
            input.Add("options", new YamlSequence(Options.Select(o => (YamlNode)o)));
        }

        return input;
    }
}
