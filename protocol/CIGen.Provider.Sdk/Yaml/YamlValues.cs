using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>How values of generated CI files are laid out, the way people write them.</summary>
public static class YamlValues
{
    /// <summary>
    /// Lists whose one-line form is longer than this are written one item per line. 132: the <c>needs:</c> or
    /// <c>requires:</c> list of a gate job waiting on a dozen jobs (eleven of 10 characters) reads better on one line
    /// and keeps generated files short, and a line of ~130 (~150 with its indentation, below the 200 limit) stays
    /// reviewable in a diff.
    /// </summary>
    private const int MaxFlowWidth = 132;

    /// <summary><c>[a, b]</c> when short, else one <c>- item</c> per line.</summary>
    public static YamlNode List(IEnumerable<string> items)
    {
        var flow = new YamlFlowSequence(items.Select(YamlScalar.String));
        return YamlWriter.FlowText(flow).Length <= MaxFlowWidth ? flow : new YamlSequence(flow.Items);
    }

    /// <summary>A single item as a scalar (<c>needs: build</c>), several as a list.</summary>
    public static YamlNode OneOrList(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 1 ? items[0] : List(items);
    }

    /// <summary>User-written values, each keeping the type the user gave it.</summary>
    public static YamlMapping Map(OrderedDictionary<string, Scalar> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mapping = new YamlMapping();
        foreach (var (key, value) in values)
        {
            mapping.Add(key, YamlScalar.From(value));
        }

        return mapping;
    }

    /// <summary>The mapping, or null when there is nothing to write.</summary>
    public static YamlMapping? MapOrNull(OrderedDictionary<string, Scalar> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : Map(values);
    }
}
