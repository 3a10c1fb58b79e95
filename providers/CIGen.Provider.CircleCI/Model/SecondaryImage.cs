using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>
/// A service container: a docker image after the job's primary one. All of a job's containers share one network
/// namespace, so the service is on <c>localhost</c>; <c>name</c> also makes it reachable by that host name.
/// </summary>
internal sealed record SecondaryImage
{
    public required string Image { get; init; }

    public required string Name { get; init; }

    public OrderedDictionary<string, Scalar> Environment { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var image = new YamlMapping { { "image", Image }, { "name", Name } };
        image.AddIfPresent("environment", YamlValues.MapOrNull(Environment));
        return image;
    }

    public SecondaryImage MapText(Func<string, string> map) =>
        this with { Image = map(Image), Name = map(Name), Environment = ConfigStep.MapValues(Environment, map) };
}
