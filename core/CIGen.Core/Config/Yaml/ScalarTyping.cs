using System.Text.RegularExpressions;

namespace CIGen.Core.Config.Yaml;

/// <summary>
/// YAML 1.2 core-schema typing of plain scalars: <c>yes</c>, <c>on</c> and <c>y</c> are strings (unlike YAML 1.1).
/// Numbers count as numbers only in plain decimal spelling (<c>1</c>, <c>-2.5</c>, <c>1e3</c>); other YAML number
/// spellings (<c>010</c>, <c>0x1F</c>, <c>+1</c>, <c>.5</c>, <c>.inf</c>) stay the text the user wrote, because
/// reading them as numbers would silently change the value (<c>010</c> → 10) that reaches the CI platform.
/// </summary>
internal static partial class ScalarTyping
{
    public static ScalarType OfPlain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarType.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarType.Boolean,
        _ when DecimalNumber().IsMatch(value) => ScalarType.Number,
        _ => ScalarType.String,
    };

    // Exactly the JSON number grammar, so a Number scalar can travel to providers as a raw JSON number.
    [GeneratedRegex(@"\A-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
