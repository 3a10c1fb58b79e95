using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A YAML tree written as JSON, which is YAML too: CircleCI reads it as a config, and <c>jq</c> — on every CircleCI
/// convenience image, unlike a YAML tool — can filter it. Two-space indentation, <c>\n</c> line ends, a final newline.
/// </summary>
internal static class JsonText
{
    public static string Write(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlFlowSequence flow:
                writer.WriteStartArray();
                foreach (var item in flow)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar { Type: YamlScalarType.Number } number:
                writer.WriteRawValue(number.Text);
                break;
            case YamlScalar { Type: YamlScalarType.Boolean } boolean:
                writer.WriteBooleanValue(boolean.Text == "true");
                break;
            case YamlScalar { Type: YamlScalarType.Null }:
                writer.WriteNullValue();
                break;
            case YamlScalar scalar:
                writer.WriteStringValue(scalar.Text);
                break;
            default:
                throw new InvalidOperationException($"no JSON form for {node.GetType().Name}");
        }
    }
}
