using System.Text.Json;
using System.Text.Json.Serialization;

namespace CIGen.Protocol;

public enum ScalarKind
{
    String,
    Number,
    Boolean,
}

/// <summary>
/// A user-written value (env value, action input, matrix entry) with the type the user gave it, so providers can
/// spell <c>1</c>, <c>true</c> and <c>'1'</c> as written. On the wire it is a JSON string, number or boolean.
/// </summary>
[JsonConverter(typeof(ScalarJsonConverter))]
public readonly record struct Scalar(string Text, ScalarKind Kind)
{
    public static Scalar String(string text) => new(text, ScalarKind.String);

    public static Scalar Number(string text) => new(text, ScalarKind.Number);

    public static Scalar Boolean(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);

    public static implicit operator Scalar(string text) => String(text);

    public override string ToString() => Text;
}

public sealed class ScalarJsonConverter : JsonConverter<Scalar>
{
    public override Scalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Scalar.String(reader.GetString()!),
            JsonTokenType.Number => Scalar.Number(System.Text.Encoding.UTF8.GetString(
                reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)),
            JsonTokenType.True => Scalar.Boolean(true),
            JsonTokenType.False => Scalar.Boolean(false),
            _ => throw new JsonException($"Expected a string, number or boolean, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, Scalar value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case ScalarKind.Number:
                writer.WriteRawValue(value.Text, skipInputValidation: false);
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(value.Text == "true");
                break;
            default:
                writer.WriteStringValue(value.Text);
                break;
        }
    }
}
