using System.Globalization;
using System.Text;
using System.Text.Json;
using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// A matrix leg's values as the JSON object GitHub's <c>strategy.matrix</c> reads them in an <c>exclude</c> or
/// <c>include</c> entry: the plan job lists the legs it skips (or runs) as such objects, and GitHub compares them with
/// the values it expanded from the YAML matrix — a string as a string, a number and a boolean as themselves.
/// </summary>
internal static class LegValues
{
    public static string Json(MatrixLeg leg)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in leg.Values)
            {
                json.WritePropertyName(name);
                switch (value.Kind)
                {
                    case ScalarKind.Boolean:
                        json.WriteBooleanValue(value.Text == "true");
                        break;
                    case ScalarKind.Number when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                        json.WriteNumberValue(number);
                        break;
                    default:
                        json.WriteStringValue(value.Text);
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
