using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>
/// An entry of a job's <c>services:</c>, keys in the order of GitHub's docs: <c>image, env, ports, options</c>
/// (credentials and volumes, which cigen does not set, would sit after image and after ports).
/// </summary>
internal sealed record JobService
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public IReadOnlyList<string> Ports { get; init; } = [];

    public string? Options { get; init; }

    public YamlMapping ToYaml()
    {
        var service = new YamlMapping { { "image", Image } };
        service.AddIfPresent("env", YamlValues.MapOrNull(Env));
        service.AddIfPresent("ports", Ports.Count > 0 ? new YamlSequence(Ports.Select(Port)) : null);
        service.AddIfPresent("options", Options);
        return service;
    }

    /// <summary>A bare port stays a number (<c>6379</c>); a mapping stays a string (<c>"5432:5432"</c>).</summary>
    private static YamlNode Port(string port) =>
        port.Length is > 0 and < 6 && port.All(char.IsAsciiDigit) ? YamlScalar.Number(port) : YamlScalar.String(port);
}
