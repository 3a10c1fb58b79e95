using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>A job's <c>strategy:</c>: the matrix GitHub expands itself (same semantics as the core's legs).</summary>
internal sealed record MatrixStrategy
{
    public bool? FailFast { get; init; }

    public IReadOnlyList<MatrixDimension> Dimensions { get; init; } = [];

    public IReadOnlyList<OrderedDictionary<string, Scalar>> Include { get; init; } = [];

    public IReadOnlyList<OrderedDictionary<string, Scalar>> Exclude { get; init; } = [];

    /// <summary>An expression giving the legs to leave out, instead of <see cref="Exclude"/>.</summary>
    public string? ExcludeExpression { get; init; }

    /// <summary>An expression giving the whole matrix, instead of the dimensions, include and exclude.</summary>
    public string? Expression { get; init; }

    public YamlMapping ToYaml()
    {
        var strategy = new YamlMapping();
        strategy.AddIfPresent("fail-fast", FailFast is { } failFast ? YamlScalar.Boolean(failFast) : null);
        if (Expression is not null)
        {
            strategy.Add("matrix", Expression);
            return strategy;
        }

        var matrix = new YamlMapping();
        foreach (var dimension in Dimensions)
        {
            matrix.Add(dimension.Name, new YamlFlowSequence(dimension.Values.Select(YamlScalar.From)));
        }

        matrix.AddIfPresent("include", Entries(Include));
        matrix.AddIfPresent("exclude", ExcludeExpression is { } expression ? expression : Entries(Exclude));
        strategy.Add("matrix", matrix);
        return strategy;
    }

    private static YamlSequence? Entries(IReadOnlyList<OrderedDictionary<string, Scalar>> entries) =>
        entries.Count == 0 ? null : new YamlSequence(entries.Select(e => (YamlNode)YamlValues.Map(e)));
}
