using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// Arguments given to a command (in a step), a job (in a workflow) or an executor (in a job) against the definition's
/// <c>parameters:</c>: each argument is a declared parameter and fits its type, and each parameter without a default
/// is given.
/// </summary>
internal static partial class CircleCiArguments
{
    /// <returns>The arguments of type <c>steps</c>, whose steps the caller checks like any other.</returns>
    /// <param name="what">The definition, as findings name it, e.g. <c>command 'greet'</c>.</param>
    /// <param name="alsoGiven">Parameters given another way: a workflow job's <c>matrix.parameters</c>.</param>
    public static IReadOnlyList<YamlEntry> Check(
        CircleCiConfig config, YamlNode definition, string what, IReadOnlyList<YamlEntry> arguments, IReadOnlyCollection<string> alsoGiven, YamlNode at, string context)
    {
        var parameters = Entries(Get(definition, "parameters"));
        var steps = new List<YamlEntry>();
        foreach (var argument in arguments)
        {
            var parameter = parameters.FirstOrDefault(p => p.Key == argument.Key);
            if (parameter is null)
            {
                var declared = parameters.Count == 0 ? "it declares none" : "its parameters: " + string.Join(", ", parameters.Select(p => p.Key));
                config.Report(argument.KeyNode, $"{context}: {what} has no parameter '{argument.Key}' ({declared})");
                continue;
            }

            var type = Text(Get(parameter.Value, "type"));
            if (type == "steps")
            {
                steps.Add(argument);
            }

            if (Mismatch(type, parameter.Value, argument.Value) is { } problem)
            {
                config.Report(argument.Value, $"{context}: argument '{argument.Key}' of {what} {problem}");
            }
        }

        foreach (var parameter in parameters)
        {
            if (!Has(parameter.Value, "default") && !arguments.Any(a => a.Key == parameter.Key) && !alsoGiven.Contains(parameter.Key))
            {
                config.Report(at, $"{context}: {what} needs parameter '{parameter.Key}' (it has no default)");
            }
        }

        return steps;
    }

    /// <summary>What is wrong with a value for a parameter type, or null; a value that is a whole <c>&lt;&lt; … &gt;&gt;</c> is resolved later by CircleCI and fits any type.</summary>
    private static string? Mismatch(string? type, YamlNode parameter, YamlNode value)
    {
        if (value is YamlScalarNode { Value: { } placeholder } && WholePlaceholder().IsMatch(placeholder))
        {
            return null;
        }

        var scalar = value as YamlScalarNode;
        var plain = scalar?.Style is ScalarStyle.Plain;
        return type switch
        {
            "boolean" when !(plain && scalar!.Value is "true" or "false") => $"must be true or false, found {Show(value)}",
            "integer" when !(plain && Integer().IsMatch(scalar!.Value ?? "")) => $"must be an integer, found {Show(value)}",
            // Under YAML 1.1 a plain 3.10, yes or 2024-01-01 is no string: a string parameter wants it quoted.
            "string" when scalar is null => $"must be a string, found {Show(value)}",
            "string" when plain && IsNonString(scalar.Value ?? "") =>
                $"must be a string, found {Show(value)}, which YAML 1.1 reads as another type: quote it",
            "env_var_name" when !(scalar is not null && EnvironmentVariableName().IsMatch(scalar.Value ?? "")) => $"must be an environment variable name, found {Show(value)}",
            "enum" when !(scalar is not null && Get(parameter, "enum") is YamlSequenceNode allowed && allowed.Children.Any(a => Text(a) == scalar.Value)) =>
                $"must be one of the parameter's enum values, found {Show(value)}",
            "steps" when value is not YamlSequenceNode => $"must be a list of steps, found {Show(value)}",
            "executor" when value is not (YamlScalarNode or YamlMappingNode) => $"must name an executor, found {Show(value)}",
            _ => null,
        };
    }

    /// <summary>
    /// Whether the YAML 1.1 reading makes a plain scalar something else than a string. Common YAML 1.1 libraries want a
    /// digit in a float, so <c>.</c> (as in CircleCI's documented <c>at: .</c>) stays a string, unlike under the spec's pattern.
    /// </summary>
    private static bool IsNonString(string plain) => YamlReadBack.IsNonStringInYaml11(plain) && !DotsOnly().IsMatch(plain);

    private static string Show(YamlNode value) => value switch
    {
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'" + (s.Style is ScalarStyle.Plain ? "" : " (quoted)"),
        YamlSequenceNode => "a list",
        _ => "a map",
    };

    [GeneratedRegex(@"^\s*<<[^<>]*>>\s*$")]
    private static partial Regex WholePlaceholder();

    [GeneratedRegex(@"^[-+]?\.+$")]
    private static partial Regex DotsOnly();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();
}
