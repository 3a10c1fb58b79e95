using System.Diagnostics.CodeAnalysis;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Yaml;

public enum YamlScalarType
{
    /// <summary>Text; the writer picks plain, quoted or literal style so that it reads back as this exact string.</summary>
    String,

    /// <summary>A number, written plain so that it reads back as a number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>, written plain.</summary>
    Boolean,

    /// <summary>No value: written as nothing after the key (<c>workflow_dispatch:</c>).</summary>
    Null,
}

/// <summary>A scalar and the type it must read back as. Strings are never written plain when YAML would retype them.</summary>
public sealed class YamlScalar : YamlNode
{
    private YamlScalar(string text, YamlScalarType type)
    {
        Text = text;
        Type = type;
    }

    public string Text { get; }

    public YamlScalarType Type { get; }

    public static YamlScalar Null { get; } = new(string.Empty, YamlScalarType.Null);

    public static YamlScalar String(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), YamlScalarType.String);

    /// <summary>
    /// A number. Text that YAML 1.2 would not read back as a number (e.g. <c>1_000</c>) is kept as a string rather
    /// than written plain with a different meaning.
    /// </summary>
    public static YamlScalar Number(string text) =>
        YamlSpecialStrings.IsYaml12Number(text) ? new(text, YamlScalarType.Number) : String(text);

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", YamlScalarType.Boolean);

    public static YamlScalar Int(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), YamlScalarType.Number);

    /// <summary>A user-written value from the graph, keeping the type the user gave it.</summary>
    public static YamlScalar From(Scalar value) => value.Kind switch
    {
        ScalarKind.Number => Number(value.Text),
        ScalarKind.Boolean => value.Text == "true" ? Boolean(true) : value.Text == "false" ? Boolean(false) : String(value.Text),
        _ => String(value.Text),
    };

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator YamlScalar?(string? text) => text is null ? null : String(text);

    public override string ToString() => $"{Type}:{Text}";
}
