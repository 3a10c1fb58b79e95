using System.Text.RegularExpressions;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>
/// Plain texts that a YAML reader would not read back as a string. YAML 1.2 (GitHub, YamlDotNet, CircleCI) and YAML
/// 1.1 (PyYAML, yamllint, older tools people pipe CI files through) disagree, so string values avoid both.
/// </summary>
internal static partial class YamlSpecialStrings
{
    /// <summary>True when a YAML 1.1 or 1.2 reader would resolve the plain text to null, a boolean, a number, a date,
    /// or one of 1.1's merge/value keys.</summary>
    public static bool IsNonStringInAnyVersion(string text) =>
        IsNonStringInYaml12(text) || Yaml11NonString().IsMatch(text);

    /// <summary>True when YAML 1.2's core schema would resolve the plain text to null, a boolean or a number.</summary>
    public static bool IsNonStringInYaml12(string text) => text.Length == 0 || Yaml12NonString().IsMatch(text);

    public static bool IsYaml12Number(string text) => Yaml12Number().IsMatch(text);

    // YAML 1.2.2 §10.3.2 core schema: null, bool, int (10, 8, 16), float.
    [GeneratedRegex(
        @"^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
        + @"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
        + @"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yaml12NonString();

    [GeneratedRegex(
        @"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
        + @"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yaml12Number();

    // The YAML 1.1 type repository (yaml.org/type): bool, null, int (2, 8, 10, 16, 60), float (10, 60, inf, nan),
    // timestamp, merge (<<) and value (=). The float pattern is the spec's, which also matches texts like "1.2.3" and
    // "."; quoting those costs nothing.
    [GeneratedRegex(
        @"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|~|null|Null|NULL"
        + @"|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
        + @"|<<|=)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11NonString();
}
