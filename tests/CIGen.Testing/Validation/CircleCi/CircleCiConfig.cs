using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// A parsed CircleCI config with its named definitions (jobs, commands, executors, orbs) and the findings of the
/// semantic checks run over it. Names are looked up as CircleCI resolves them: a name with a slash belongs to an orb.
/// </summary>
internal sealed class CircleCiConfig
{
    public const string Tool = "circleci-semantics";

    private readonly List<ValidationFinding> findings = [];

    public CircleCiConfig(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
        Jobs = Definitions(root, "jobs");
        Commands = Definitions(root, "commands");
        Executors = Definitions(root, "executors");
        Orbs = Definitions(root, "orbs");
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    /// <summary>The definitions under <c>jobs:</c>, in document order.</summary>
    public IReadOnlyList<YamlEntry> Jobs { get; }

    public IReadOnlyList<YamlEntry> Commands { get; }

    public IReadOnlyList<YamlEntry> Executors { get; }

    /// <summary>Declared orbs: a registry reference (<c>ns/name@1.2</c>, contents unknown here) or an inline orb mapping.</summary>
    public IReadOnlyList<YamlEntry> Orbs { get; }

    public IReadOnlyList<ValidationFinding> Findings => findings;

    public void Report(YamlNode at, string message) =>
        findings.Add(new ValidationFinding(Tool, Path, (int)at.Start.Line, (int)at.Start.Column, "error", message));

    /// <summary>
    /// The definition a reference names, of one kind (<c>jobs</c>, <c>commands</c>, <c>executors</c>), reporting
    /// what is missing. Null when it is not found, and for a member of a registry orb, whose contents are not known here.
    /// </summary>
    /// <param name="context">Where the reference is, to start the finding's message with, e.g. <c>job 'build'</c>.</param>
    /// <param name="alternative">What else the name could have been, for the finding, e.g. <c>nor a built-in step</c>.</param>
    public YamlNode? Resolve(string reference, string kind, YamlNode at, string context, string? alternative = null)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            var local = kind switch
            {
                "jobs" => Jobs,
                "commands" => Commands,
                _ => Executors,
            };
            if (local.FirstOrDefault(e => e.Key == reference) is { } definition)
            {
                return definition.Value;
            }

            Report(at, $"{context}: '{reference}' is no {Singular(kind)} defined under {kind}:" + (alternative is null ? "" : $" ({alternative})"));
            return null;
        }

        var orbName = reference[..slash];
        var member = reference[(slash + 1)..];
        var orb = Orbs.FirstOrDefault(e => e.Key == orbName);
        if (orb is null)
        {
            Report(at, $"{context}: orb '{orbName}' (of '{reference}') is not declared under orbs:");
            return null;
        }

        if (orb.Value is not YamlMappingNode inline)
        {
            return null;
        }

        var found = Entries(Get(inline, kind)).FirstOrDefault(e => e.Key == member);
        if (found is null)
        {
            Report(at, $"{context}: the inline orb '{orbName}' defines no {Singular(kind)} '{member}' under {kind}:");
        }

        return found?.Value;
    }

    public static string Singular(string kind) => kind switch
    {
        "jobs" => "job",
        "commands" => "command",
        _ => "executor",
    };

    private static IReadOnlyList<YamlEntry> Definitions(YamlMappingNode root, string key) => Entries(Get(root, key));
}
