using System.Diagnostics.CodeAnalysis;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>
/// A node of the small YAML document model that providers build and <see cref="YamlWriter"/> emits. It holds only
/// what generated CI files need: mappings (ordered, with optional blank lines), block sequences, flow sequences of
/// scalars and scalars. No anchors, tags or comments: generated files never use them.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode()
    {
    }

    /// <summary>A string scalar; null stays null so optional values can flow into <see cref="YamlMapping.AddIfPresent"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator YamlNode?(string? text) => text is null ? null : YamlScalar.String(text);
}
