using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// What CircleCI checks when it compiles a config and its JSON schema cannot express: <c>version: 2.1</c>, a boolean
/// <c>setup</c>, and that jobs, <c>requires</c> targets, commands, executors, orbs and parameters named anywhere
/// exist (see the Check classes beside this one). Findings have the tool <c>circleci-semantics</c>.
/// </summary>
public static class CircleCiSemantics
{
    public const string Tool = CircleCiConfig.Tool;

    public static IReadOnlyList<ValidationFinding> Check(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return []; // Not YAML: the schema check reports where.
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return []; // The schema check reports a config that is not one mapping.
        }

        var config = new CircleCiConfig(path, root);
        CheckVersionAndSetup(config);
        CircleCiDefinitions.Check(config);
        CircleCiWorkflows.Check(config);
        CircleCiParameterReferences.Check(config);
        return config.Findings;
    }

    private static void CheckVersionAndSetup(CircleCiConfig config)
    {
        var version = Get(config.Root, "version");
        if (version is null)
        {
            config.Report(config.Root, "version is missing: a CircleCI 2.1 config starts with `version: 2.1`");
        }
        else if (Text(version) != "2.1")
        {
            config.Report(version, $"version must be 2.1 (commands, executors, orbs and parameters need it), found '{Text(version) ?? "a collection"}'");
        }

        // Only a plain true/false is a boolean; 'true' quoted is a string, and yes/no/on/off differ between YAML versions.
        if (Get(config.Root, "setup") is { } setup && setup is not YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" })
        {
            config.Report(setup, $"setup must be a boolean (true or false), found {(setup is YamlScalarNode s ? $"'{s.Value}'" + (s.Style is ScalarStyle.Plain ? "" : " (quoted)") : "a collection")}");
        }
    }
}
