using System.Text.RegularExpressions;
using CIGen.Provider.Sdk.Yaml;
using YamlDotNet.RepresentationModel;
using YamlNode = CIGen.Provider.Sdk.Yaml.YamlNode;
using YamlDotNet.Serialization;
using Xunit.Sdk;
using ParsedScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace CIGen.Testing;

/// <summary>
/// Parses written YAML back with YamlDotNet and checks it means exactly the model it was written from: same keys in
/// the same order, same texts, and the same types — strings stay strings under YAML 1.2 (YamlDotNet's own type
/// resolution) and YAML 1.1 (the spec's type patterns, spelled out here independently of the writer).
/// </summary>
public static partial class YamlReadBack
{
    public static void AssertMeans(YamlNode model, string text)
    {
        var problems = new List<string>();
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new XunitException($"Written YAML does not parse: {e.Message}\n{text}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new XunitException($"Expected one YAML document, found {stream.Documents.Count}:\n{text}");
        }

        var typed = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object?>(text);
        Compare(model, stream.Documents[0].RootNode, typed, "$", problems);
        if (problems.Count > 0)
        {
            throw new XunitException("Written YAML does not read back as its model:\n" + string.Join("\n", problems) + "\n--- text:\n" + text);
        }
    }

    private static void Compare(YamlNode model, YamlDotNet.RepresentationModel.YamlNode parsed, object? typed, string where, List<string> problems)
    {
        switch (model)
        {
            case YamlMapping mapping:
                if (parsed is not YamlMappingNode parsedMapping || typed is not IDictionary<object, object?> typedMapping)
                {
                    problems.Add($"{where}: expected a mapping, found {parsed.NodeType}");
                    return;
                }

                var parsedKeys = parsedMapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
                var modelKeys = mapping.Entries.Select(e => e.Key).ToList();
                if (!parsedKeys.SequenceEqual(modelKeys))
                {
                    problems.Add($"{where}: keys [{string.Join(", ", parsedKeys)}] instead of [{string.Join(", ", modelKeys)}]");
                    return;
                }

                foreach (var entry in mapping.Entries)
                {
                    if (!typedMapping.TryGetValue(entry.Key, out var typedValue))
                    {
                        problems.Add($"{where}: key '{entry.Key}' does not read back as a string key");
                        continue;
                    }

                    Compare(entry.Value, parsedMapping.Children[new YamlScalarNode(entry.Key)], typedValue, $"{where}.{entry.Key}", problems);
                }

                break;
            case YamlSequence sequence:
                CompareSequence(sequence.Items, parsed, typed, where, problems);
                break;
            case YamlFlowSequence flow:
                CompareSequence(flow.Items, parsed, typed, where, problems);
                break;
            case YamlScalar scalar:
                CompareScalar(scalar, parsed, typed, where, problems);
                break;
        }
    }

    private static void CompareSequence<T>(IReadOnlyList<T> items, YamlDotNet.RepresentationModel.YamlNode parsed, object? typed, string where, List<string> problems)
        where T : YamlNode
    {
        if (parsed is not YamlSequenceNode parsedSequence || typed is not IList<object?> typedList)
        {
            problems.Add($"{where}: expected a sequence, found {parsed.NodeType}");
            return;
        }

        if (parsedSequence.Children.Count != items.Count)
        {
            problems.Add($"{where}: {parsedSequence.Children.Count} items instead of {items.Count}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            Compare(items[i], parsedSequence.Children[i], typedList[i], $"{where}[{i}]", problems);
        }
    }

    private static void CompareScalar(YamlScalar scalar, YamlDotNet.RepresentationModel.YamlNode parsed, object? typed, string where, List<string> problems)
    {
        if (parsed is not YamlScalarNode parsedScalar)
        {
            problems.Add($"{where}: expected a scalar, found {parsed.NodeType}");
            return;
        }

        switch (scalar.Type)
        {
            case YamlScalarType.Null:
                if (typed is not null)
                {
                    problems.Add($"{where}: expected null, read {Describe(typed)}");
                }

                return;
            case YamlScalarType.String when parsedScalar.Style != ParsedScalarStyle.Plain:
                // Quoted and block scalars are strings in every YAML version (YamlDotNet's typed reader wrongly
                // retypes block scalars, so its answer is not used for them).
                if (parsedScalar.Value != scalar.Text)
                {
                    problems.Add($"{where}: expected string {Show(scalar.Text)}, read {Show(parsedScalar.Value ?? "")} ({parsedScalar.Style})");
                }

                return;
            case YamlScalarType.String:
                if (typed is not string s || s != scalar.Text)
                {
                    problems.Add($"{where}: expected string {Show(scalar.Text)}, read {Describe(typed)}");
                }
                else if (IsNonStringInYaml11(scalar.Text))
                {
                    problems.Add($"{where}: {Show(scalar.Text)} is plain, but YAML 1.1 reads it as another type");
                }

                return;
            case YamlScalarType.Number:
                if (parsedScalar.Style != ParsedScalarStyle.Plain || typed is string or null or bool || parsedScalar.Value != scalar.Text)
                {
                    problems.Add($"{where}: expected number {scalar.Text}, read {Describe(typed)} ({parsedScalar.Style})");
                }

                return;
            case YamlScalarType.Boolean:
                if (typed is not bool b || (b ? "true" : "false") != scalar.Text)
                {
                    problems.Add($"{where}: expected boolean {scalar.Text}, read {Describe(typed)}");
                }

                return;
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name} {Show(value.ToString() ?? "")}";

    private static string Show(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\"", "\\\"") + "\"";

    /// <summary>The YAML 1.1 type repository's implicit patterns (yaml.org/type: bool, null, int, float, timestamp, merge, value).</summary>
    public static bool IsNonStringInYaml11(string text) => Yaml11Implicit().IsMatch(text);

    [GeneratedRegex(
        """
        ^(?:
            y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
          | ~|null|Null|NULL|
          | [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
          | [-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)? | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
          | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
          | [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
          | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[\ \t]*Z|[-+][0-9][0-9]?(?::[0-9][0-9])?)?
          | <<|=
        )$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11Implicit();
}
