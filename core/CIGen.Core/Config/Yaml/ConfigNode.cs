using CIGen.Protocol;

namespace CIGen.Core.Config.Yaml;

// Our own small YAML tree instead of YamlDotNet's representation model: every node carries the file it came from (so
// merged fragments and split files keep their origin), duplicate keys become diagnostics instead of an exception that
// stops the whole file, and scalars carry their YAML 1.2 type.

/// <summary>A YAML node with the place it was written.</summary>
/// <param name="File">Relative to the output root, '/'-separated.</param>
internal abstract record ConfigNode(string File, int Line, int Column)
{
    public SourceLocation Location => new(File, Line, Column);

    /// <summary>How the node is named in "expected X, found Y" messages.</summary>
    public abstract string Describe();
}

internal enum ScalarType
{
    Null,
    String,
    Boolean,
    Number,
}

internal sealed record ScalarNode(string File, int Line, int Column, string Value, ScalarType Type) : ConfigNode(File, Line, Column)
{
    public bool IsNull => Type == ScalarType.Null;

    /// <summary>Written in single or double quotes: the value starts one column after the node.</summary>
    public bool Quoted { get; init; }

    /// <summary>The value with the type the user gave it; null as an empty string.</summary>
    public Scalar ToScalar() => Type switch
    {
        ScalarType.Number => Scalar.Number(Value),
        ScalarType.Boolean => Scalar.Boolean(Value is "true" or "True" or "TRUE"),
        ScalarType.Null => Scalar.String(""),
        _ => Scalar.String(Value),
    };

    /// <summary>
    /// The file position of a character of the value. Exact for single-line plain and quoted values without escapes; a
    /// multi-line value points at its start, since folding and block indentation hide where its characters were.
    /// </summary>
    public SourceLocation LocationOf(int offset) =>
        Value.Contains('\n', StringComparison.Ordinal) || Line <= 0
            ? Location
            : Location with { Column = Column + offset + (Quoted ? 1 : 0) };

    public override string Describe() => Type switch
    {
        ScalarType.Null => "an empty value",
        ScalarType.Boolean => $"the boolean `{Value}`",
        ScalarType.Number => $"the number `{Value}`",
        _ => $"the string `{Shown(Value)}`",
    };

    /// <summary>How long a quoted value may be in a message: enough to recognise it, short enough for one line.</summary>
    private const int ShownLength = 60;

    /// <summary>A value as a one-line message quotes it: line breaks escaped, a long value cut (a block scalar can be a whole file).</summary>
    private static string Shown(string value) =>
        Generation.MessageText.Escape(value.Length > ShownLength ? value[..ShownLength] + "…" : value);
}

internal sealed record SequenceNode(string File, int Line, int Column, IReadOnlyList<ConfigNode> Items) : ConfigNode(File, Line, Column)
{
    public override string Describe() => "a list";
}

internal sealed record MapEntry(ScalarNode Key, ConfigNode Value)
{
    public string Name => Key.Value;
}

/// <summary>A mapping; entries keep the order they were written in and keys are unique.</summary>
internal sealed record MapNode(string File, int Line, int Column, IReadOnlyList<MapEntry> Entries) : ConfigNode(File, Line, Column)
{
    public MapEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Name == key)
            {
                return entry;
            }
        }

        return null;
    }

    public override string Describe() => "a mapping";

    public static MapNode Empty(string file, int line = 1, int column = 1) => new(file, line, column, []);
}
