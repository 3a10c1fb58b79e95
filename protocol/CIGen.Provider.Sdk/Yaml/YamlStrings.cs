namespace CIGen.Provider.Sdk.Yaml;

/// <summary>One walk over a tree's string values, for rewrites that must reach every string and nothing else.</summary>
public static class YamlStrings
{
    /// <summary>A copy of the tree with each string value mapped; keys, numbers, booleans and layout are kept.</summary>
    public static YamlNode Map(YamlNode node, Func<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(map);
        switch (node)
        {
            case YamlScalar { Type: YamlScalarType.String } scalar:
                return YamlScalar.String(map(scalar.Text));
            case YamlMapping mapping:
                var copy = new YamlMapping();
                foreach (var entry in mapping)
                {
                    if (entry.VerbatimKey)
                    {
                        copy.AddVerbatimKey(entry.Key, Map(entry.Value, map), entry.BlankLineBefore);
                    }
                    else
                    {
                        copy.Add(entry.Key, Map(entry.Value, map), entry.BlankLineBefore);
                    }
                }

                return copy;
            case YamlSequence sequence:
                return new YamlSequence(sequence.Select(item => Map(item, map)));
            case YamlFlowSequence flow:
                return new YamlFlowSequence(flow.Select(item => (YamlScalar)Map(item, map)));
            default:
                return node;
        }
    }
}
