using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Meaning;

/// <summary>
/// What a CircleCI 2.1 config runs for one pipeline, by CircleCI's documented rules, written for the tests: a workflow
/// runs when its <c>when</c> holds; a job of it runs when the pipeline's ref passes its filters — a branch pipeline
/// reads <c>filters.branches</c> (none: every branch), a tag pipeline reads <c>filters.tags</c> (none: no tag) — and
/// every job it requires runs (all succeed here). <c>only</c>/<c>ignore</c> take exact names or <c>/regex/</c> matching
/// the whole name. Steps: a <c>when</c>/<c>unless</c> step's logic statement (<c>and</c>, <c>or</c>, <c>not</c>,
/// <c>equal</c>, <c>matches</c>, truthy values) over <c>&lt;&lt; pipeline.git.branch &gt;&gt;</c>,
/// <c>&lt;&lt; pipeline.git.tag &gt;&gt;</c> and pipeline parameters keeps or drops its steps.
/// </summary>
/// <param name="Branch">The pipeline's branch, or "" for a tag pipeline.</param>
/// <param name="Tag">The pipeline's tag, or "" for a branch pipeline.</param>
public sealed record CircleCiPipeline(string Branch, string Tag, IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>The workflow entries (job names as the workflow lists them) that run, per workflow.</summary>
    public IReadOnlySet<string> RunningJobs(string configText, string workflow)
    {
        var root = Load(configText);
        var definition = (YamlMappingNode)((YamlMappingNode)root["workflows"])[workflow];
        if (definition.Children.TryGetValue(new YamlScalarNode("when"), out var when) && !Holds(when))
        {
            return new HashSet<string>();
        }

        var entries = ((YamlSequenceNode)definition["jobs"]).Children.Select(Entry).ToList();
        var running = new HashSet<string>(StringComparer.Ordinal);
        var decided = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Runs(string name)
        {
            if (decided.TryGetValue(name, out var known))
            {
                return known;
            }

            var (_, settings) = entries.Single(e => e.Name == name);
            var result = PassesFilters(settings) && Requires(settings).All(Runs);
            decided[name] = result;
            return result;
        }

        foreach (var (name, _) in entries)
        {
            if (Runs(name))
            {
                running.Add(name);
            }
        }

        return running;
    }

    /// <summary>
    /// The commands of a job's run steps that this pipeline keeps, in order (steps of <c>when</c> steps included when their
    /// condition holds, and the steps of the config's <c>commands:</c> a step uses, with the use's arguments, or the
    /// parameters' defaults, for <c>&lt;&lt; parameters.x &gt;&gt;</c>). <paramref name="job"/> is a job's name in a
    /// workflow: an entry of <c>jobs:</c>, or the <c>name</c> of a workflow's use of a job with parameters, whose
    /// arguments its steps read.
    /// </summary>
    public IReadOnlyList<string> RunCommands(string configText, string job)
    {
        var root = Load(configText);
        var (definition, arguments) = Job(root, job);
        var defined = root.Children.TryGetValue(new YamlScalarNode("commands"), out var c) ? (YamlMappingNode)c : new YamlMappingNode();
        var commands = new List<string>();
        Collect((YamlSequenceNode)definition["steps"], arguments);
        return commands;

        void Collect(YamlSequenceNode steps, IReadOnlyDictionary<string, string> parameters)
        {
            foreach (var step in steps)
            {
                var (kind, body) = step is YamlMappingNode map ? map.Children.Single() : new(step, new YamlMappingNode());
                var name = ((YamlScalarNode)kind).Value!;
                switch (name)
                {
                    case "run":
                        var command = body is YamlScalarNode s ? s.Value! : ((YamlScalarNode)((YamlMappingNode)body)["command"]).Value!;
                        commands.Add(WithArguments(command, parameters));
                        break;
                    case "when" or "unless":
                        var conditional = (YamlMappingNode)body;
                        if (Holds(conditional["condition"], parameters) == (name == "when"))
                        {
                            Collect((YamlSequenceNode)conditional["steps"], parameters);
                        }

                        break;
                    default:
                        if (defined.Children.TryGetValue(kind, out var used))
                        {
                            Collect((YamlSequenceNode)((YamlMappingNode)used)["steps"], Arguments((YamlMappingNode)used, body as YamlMappingNode, parameters));
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The definition a workflow's job of this name runs, and the arguments the workflow passes it.</summary>
    private static (YamlMappingNode Definition, IReadOnlyDictionary<string, string> Arguments) Job(YamlMappingNode root, string name) =>
        CircleCiProcessedJobs.Of(root).TryGetValue(name, out var job)
            ? (job, new Dictionary<string, string>(StringComparer.Ordinal))
            : throw new KeyNotFoundException($"no workflow runs a job named '{name}'");

    /// <summary>A use's arguments, in the using command's parameters where they read them, else the parameters' defaults.</summary>
    internal static Dictionary<string, string> Arguments(YamlMappingNode command, YamlMappingNode? given, IReadOnlyDictionary<string, string> outer)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = command.Children.TryGetValue(new YamlScalarNode("parameters"), out var p) ? (YamlMappingNode)p : new YamlMappingNode();
        foreach (var (key, declaration) in declared.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (given is not null && given.Children.TryGetValue(key, out var value))
            {
                arguments[name] = WithArguments(((YamlScalarNode)value).Value ?? "", outer);
            }
            else if (((YamlMappingNode)declaration).Children.TryGetValue(new YamlScalarNode("default"), out var fallback))
            {
                arguments[name] = ((YamlScalarNode)fallback).Value ?? "";
            }
            else
            {
                throw new InvalidOperationException($"a use of a command passes its parameter '{name}', which has no default");
            }
        }

        return arguments;
    }

    internal static string WithArguments(string text, IReadOnlyDictionary<string, string> parameters) =>
        Regex.Replace(text, @"<<\s*parameters\.(?<name>[A-Za-z0-9_-]+)\s*>>", m => parameters.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"<< parameters.{m.Groups["name"].Value} >> names no parameter of its command"));

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static (string Name, YamlMappingNode? Settings) Entry(YamlNode node) => node switch
    {
        YamlScalarNode name => (name.Value!, null),
        YamlMappingNode map => map.Children.Single() is var (key, value)
            ? ((YamlMappingNode)value).Children.TryGetValue(new YamlScalarNode("name"), out var alias)
                ? (((YamlScalarNode)alias).Value!, (YamlMappingNode)value)
                : (((YamlScalarNode)key).Value!, (YamlMappingNode)value)
            : throw new InvalidOperationException(),
        _ => throw new InvalidOperationException("a workflow job entry is a name or a one-key mapping"),
    };

    private static IEnumerable<string> Requires(YamlMappingNode? settings) =>
        settings is not null && settings.Children.TryGetValue(new YamlScalarNode("requires"), out var requires)
            ? ((YamlSequenceNode)requires).Children.Select(r => ((YamlScalarNode)r).Value!)
            : [];

    private bool PassesFilters(YamlMappingNode? settings)
    {
        YamlMappingNode? filters = settings is not null && settings.Children.TryGetValue(new YamlScalarNode("filters"), out var f) ? (YamlMappingNode)f : null;
        var isTag = Tag.Length > 0;
        var key = new YamlScalarNode(isTag ? "tags" : "branches");
        if (filters is null || !filters.Children.TryGetValue(key, out var filter))
        {
            return !isTag;
        }

        var name = isTag ? Tag : Branch;
        var map = (YamlMappingNode)filter;
        var only = Specifiers(map, "only");
        var ignore = Specifiers(map, "ignore");
        return (only is null || only.Any(s => Matches(s, name))) && (ignore is null || !ignore.Any(s => Matches(s, name)));
    }

    private static List<string>? Specifiers(YamlMappingNode filter, string key) =>
        !filter.Children.TryGetValue(new YamlScalarNode(key), out var node) ? null
        : node is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)]
        : [((YamlScalarNode)node).Value!];

    private static bool Matches(string specifier, string name) =>
        specifier.Length > 2 && specifier[0] == '/' && specifier[^1] == '/'
            ? Regex.IsMatch(name, $"^(?:{specifier[1..^1]})$")
            : specifier == name;

    private bool Holds(YamlNode logic) => Holds(logic, new Dictionary<string, string>());

    private bool Holds(YamlNode logic, IReadOnlyDictionary<string, string> parameters)
    {
        string Resolve(string text) => Substitute(WithArguments(text, parameters));
        switch (logic)
        {
            case YamlScalarNode scalar:
                var value = Resolve(scalar.Value ?? "");
                return value is not ("" or "false" or "0");
            case YamlSequenceNode:
                throw new InvalidOperationException("a logic statement is a value or a one-key mapping");
            case YamlMappingNode map:
                var (key, body) = map.Children.Single();
                return ((YamlScalarNode)key).Value switch
                {
                    "and" => ((YamlSequenceNode)body).Children.All(c => Holds(c, parameters)),
                    "or" => ((YamlSequenceNode)body).Children.Any(c => Holds(c, parameters)),
                    "not" => !Holds(body, parameters),
                    "equal" => ((YamlSequenceNode)body).Children.Select(c => Resolve(((YamlScalarNode)c).Value ?? "")).Distinct().Count() == 1,
                    "matches" => Regex.IsMatch(
                        Resolve(((YamlScalarNode)((YamlMappingNode)body)["value"]).Value!),
                        $"^(?:{((YamlScalarNode)((YamlMappingNode)body)["pattern"]).Value})$"),
                    var other => throw new NotSupportedException($"logic statement {other}"),
                };
            default:
                throw new InvalidOperationException();
        }
    }

    private string Substitute(string text) =>
        Regex.Replace(text, @"<<\s*pipeline\.(?<name>[a-z_.]+)\s*>>", m => m.Groups["name"].Value switch
        {
            "git.branch" => Branch,
            "git.tag" => Tag,
            var parameter when parameter.StartsWith("parameters.", StringComparison.Ordinal) =>
                Parameters?.GetValueOrDefault(parameter["parameters.".Length..]) ?? "false",
            var other => throw new NotSupportedException($"pipeline value {other}"),
        });
}
