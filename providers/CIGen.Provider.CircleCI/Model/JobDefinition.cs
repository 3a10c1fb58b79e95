using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>An entry of <c>jobs:</c>: where the job runs (a docker image), on what size of machine, with what variables, and its steps.</summary>
internal sealed record JobDefinition
{
    public required string Name { get; init; }

    /// <summary>What each use of the job passes (<see cref="WorkflowEntry.Arguments"/>): one definition serving several matrix legs.</summary>
    public IReadOnlyList<CommandParameter> Parameters { get; init; } = [];

    public required string Image { get; init; }

    /// <summary>Service containers, after the primary image.</summary>
    public IReadOnlyList<SecondaryImage> Services { get; init; } = [];

    public string? ResourceClass { get; init; }

    public OrderedDictionary<string, Scalar> Environment { get; init; } = [];

    public required IReadOnlyList<ConfigStep> Steps { get; init; }

    public YamlMapping ToYaml()
    {
        var job = new YamlMapping();
        if (Parameters.Count > 0)
        {
            var parameters = new YamlMapping();
            foreach (var parameter in Parameters)
            {
                parameters.Add(parameter.Name, parameter.ToYaml());
            }

            job.Add("parameters", parameters);
        }

        job.Add("docker", new YamlSequence([new YamlMapping { { "image", Image } }, .. Services.Select(s => s.ToYaml())]));
        job.AddIfPresent("resource_class", ResourceClass);
        job.AddIfPresent("environment", YamlValues.MapOrNull(Environment));
        job.Add("steps", new YamlSequence(Steps.Select(s => s.ToYaml())));
        return job;
    }

    /// <summary>The same job with every string it writes mapped: images, variables, steps (its name and parameters kept).</summary>
    public JobDefinition MapText(Func<string, string> map) => this with
    {
        Image = map(Image),
        Services = [.. Services.Select(s => s.MapText(map))],
        ResourceClass = ResourceClass is null ? null : map(ResourceClass),
        Environment = ConfigStep.MapValues(Environment, map),
        Steps = [.. Steps.Select(s => s.MapText(map))],
    };

    /// <summary>The job's body as written, to tell whether two workflows define the same job.</summary>
    public string Text() => YamlWriter.Write(ToYaml());
}
