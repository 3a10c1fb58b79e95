using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>A boolean pipeline parameter (<c>parameters:</c>), false unless the pipeline's trigger sets it.</summary>
internal sealed record PipelineParameter
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public YamlMapping ToYaml() => new()
    {
        { "description", Description },
        { "type", "boolean" },
        { "default", YamlScalar.Boolean(false) },
    };
}
