using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// <c>&lt;&lt; parameters.x &gt;&gt;</c> in a job, command or executor names one of its own parameters, and
/// <c>&lt;&lt; pipeline.parameters.x &gt;&gt;</c> a pipeline parameter declared under the top-level <c>parameters:</c>;
/// CircleCI refuses the config otherwise.
/// </summary>
internal static partial class CircleCiParameterReferences
{
    public static void Check(CircleCiConfig config)
    {
        foreach (var (kind, definitions) in new[] { ("jobs", config.Jobs), ("commands", config.Commands), ("executors", config.Executors) })
        {
            foreach (var (name, _, definition) in definitions)
            {
                var declared = Entries(Get(definition, "parameters")).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                var what = $"{CircleCiConfig.Singular(kind)} '{name}'";
                // The parameters' own declarations (descriptions, defaults) are not where arguments are substituted.
                var body = Entries(definition).Where(e => e.Key != "parameters").SelectMany(e => References(e.Value, Own()));
                foreach (var (scalar, parameter) in body)
                {
                    if (!declared.Contains(parameter))
                    {
                        config.Report(scalar, $"{what} uses << parameters.{parameter} >>, but declares no parameter '{parameter}' under parameters:");
                    }
                }
            }
        }

        var pipeline = Entries(Get(config.Root, "parameters")).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (scalar, parameter) in References(config.Root, Pipeline()))
        {
            if (!pipeline.Contains(parameter))
            {
                config.Report(scalar, $"<< pipeline.parameters.{parameter} >> names no pipeline parameter declared under the top-level parameters:");
            }
        }
    }

    /// <summary>Every match in the scalars (keys and values) below a node, in document order.</summary>
    private static IEnumerable<(YamlScalarNode Scalar, string Parameter)> References(YamlNode node, Regex pattern)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } text } scalar:
                foreach (Match match in pattern.Matches(text))
                {
                    yield return (scalar, match.Groups[1].Value);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var found in sequence.Children.SelectMany(child => References(child, pattern)))
                {
                    yield return found;
                }

                break;
            case YamlMappingNode:
                foreach (var entry in Entries(node))
                {
                    foreach (var found in References(entry.KeyNode, pattern).Concat(References(entry.Value, pattern)))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"<<\s*parameters\.([A-Za-z0-9_-]+)\s*>>")]
    private static partial Regex Own();

    [GeneratedRegex(@"<<\s*pipeline\.parameters\.([A-Za-z0-9_-]+)\s*>>")]
    private static partial Regex Pipeline();
}
