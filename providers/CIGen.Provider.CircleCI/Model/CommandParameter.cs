using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>A parameter of a command (<c>parameters:</c>), used in its body as <c>&lt;&lt; parameters.name &gt;&gt;</c>.</summary>
internal sealed record CommandParameter
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>CircleCI's parameter type: <c>string</c>, <c>env_var_name</c>, <c>boolean</c>, …</summary>
    public required string Type { get; init; }

    /// <summary>The values an <c>enum</c> parameter takes.</summary>
    public IReadOnlyList<string> Enum { get; init; } = [];

    /// <summary>Null: the parameter is required.</summary>
    public string? Default { get; init; }

    public YamlMapping ToYaml()
    {
        var parameter = new YamlMapping { { "description", Description }, { "type", Type } };
        parameter.AddIfPresent("enum", Enum.Count > 0 ? new YamlFlowSequence(Enum.Select(YamlScalar.String)) : null);
        parameter.AddIfPresent("default", Default);
        return parameter;
    }
}
