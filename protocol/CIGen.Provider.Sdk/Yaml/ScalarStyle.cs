namespace CIGen.Provider.Sdk.Yaml;

/// <summary>How a string scalar is spelled. Chosen by <see cref="ScalarPolicy"/>, never by the caller.</summary>
internal enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// <summary>Where a scalar stands; each place forbids different plain texts.</summary>
internal enum ScalarPlace
{
    /// <summary>A mapping value or block sequence item.</summary>
    Value,

    /// <summary>A mapping key.</summary>
    Key,

    /// <summary>
    /// A key the caller vouches is read by a YAML 1.2 reader (<see cref="YamlMapping.AddVerbatimKey"/>): only
    /// YAML 1.2's non-strings are quoted, so GitHub's <c>on:</c> stays plain.
    /// </summary>
    Yaml12Key,

    /// <summary>An item of a flow sequence <c>[a, b]</c>.</summary>
    FlowItem,
}
