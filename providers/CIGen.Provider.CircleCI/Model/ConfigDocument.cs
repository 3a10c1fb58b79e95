using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>
/// The one <c>.circleci/config.yml</c>: <c>version, parameters, commands, jobs, workflows</c> — what later sections use
/// comes first. Sections, and the entries of commands, jobs and workflows, are separated by a blank line.
/// </summary>
internal sealed record ConfigDocument
{
    /// <summary>A setup config (<c>setup: true</c>): its workflow continues the pipeline with another config.</summary>
    public bool Setup { get; init; }

    public IReadOnlyList<PipelineParameter> Parameters { get; init; } = [];

    public IReadOnlyList<CommandDefinition> Commands { get; init; } = [];

    public IReadOnlyList<JobDefinition> Jobs { get; init; } = [];

    public IReadOnlyList<WorkflowDefinition> Workflows { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var config = new YamlMapping { { "version", YamlScalar.Number("2.1") } };
        config.AddIfPresent("setup", Setup ? YamlScalar.Boolean(true) : null);
        if (Parameters.Count > 0)
        {
            var parameters = new YamlMapping();
            foreach (var parameter in Parameters)
            {
                parameters.Add(parameter.Name, parameter.ToYaml());
            }

            config.Add("parameters", parameters, blankLineBefore: true);
        }

        config.AddIfPresent("commands", Section(Commands, c => c.Name, c => c.ToYaml()), blankLineBefore: true);
        config.AddIfPresent("jobs", Section(Jobs, j => j.Name, j => j.ToYaml()), blankLineBefore: true);
        config.Add("workflows", Section(Workflows, w => w.Name, w => w.ToYaml()) ?? new YamlMapping(), blankLineBefore: true);
        return config;
    }

    private static YamlMapping? Section<T>(IReadOnlyList<T> items, Func<T, string> name, Func<T, YamlNode> body)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var section = new YamlMapping();
        foreach (var item in items)
        {
            section.Add(name(item), body(item), blankLineBefore: true);
        }

        return section;
    }
}
