using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

internal sealed record ConcurrencyGroup
{
    public required string Group { get; init; }

    /// <summary>A boolean or an expression.</summary>
    public Scalar? CancelInProgress { get; init; }

    public YamlMapping ToYaml()
    {
        var concurrency = new YamlMapping { { "group", Group } };
        concurrency.AddIfPresent("cancel-in-progress", CancelInProgress is { } cancel ? YamlScalar.From(cancel) : null);
        return concurrency;
    }
}
