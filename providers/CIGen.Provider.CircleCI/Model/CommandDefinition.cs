using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>An entry of <c>commands:</c>: a reusable step list that jobs use by name.</summary>
internal sealed record CommandDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<CommandParameter> Parameters { get; init; } = [];

    public required IReadOnlyList<ConfigStep> Steps { get; init; }

    public YamlMapping ToYaml()
    {
        var command = new YamlMapping();
        command.AddIfPresent("description", Description);
        if (Parameters.Count > 0)
        {
            var parameters = new YamlMapping();
            foreach (var parameter in Parameters)
            {
                parameters.Add(parameter.Name, parameter.ToYaml());
            }

            command.Add("parameters", parameters);
        }

        command.Add("steps", new YamlSequence(Steps.Select(s => s.ToYaml())));
        return command;
    }
}
