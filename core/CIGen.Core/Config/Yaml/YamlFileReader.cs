using SourceLocation = CIGen.Protocol.SourceLocation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CIGen.Core.Config.Yaml;

/// <summary>Reads one YAML file into <see cref="ConfigNode"/>s, reporting problems instead of throwing.</summary>
internal sealed class YamlFileReader
{
    private const int MaxDepth = 200;
    private const string StrTag = "tag:yaml.org,2002:str";

    private static readonly HashSet<string> ResolvedByValueTags = new(StringComparer.Ordinal)
    {
        "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    };

    private readonly string file;
    private readonly DiagnosticBag diagnostics;
    private readonly IParser parser;
    private readonly Dictionary<string, ConfigNode> anchors = new(StringComparer.Ordinal);
    private readonly Stack<ParsingEvent> openFlowCollections = new();
    private Mark lastMark = Mark.Empty;

    private YamlFileReader(string file, string text, DiagnosticBag diagnostics)
    {
        this.file = file;
        this.diagnostics = diagnostics;
        parser = new Parser(new StringReader(text));
    }

    /// <summary>
    /// The file's single document; <c>null</c> for an empty file or when the YAML is malformed (then a diagnostic says
    /// where). Nodes that break a rule but leave the rest readable (duplicate keys, custom tags) are dropped and reported.
    /// </summary>
    /// <param name="file">The path used in diagnostics: relative to the output root, '/'-separated.</param>
    public static ConfigNode? Read(string file, string text, DiagnosticBag diagnostics) =>
        new YamlFileReader(file, text, diagnostics).ReadDocument();

    private ConfigNode? ReadDocument()
    {
        try
        {
            Expect<StreamStart>();
            if (Peek() is StreamEnd)
            {
                return null;
            }

            Expect<DocumentStart>();
            var root = ReadNode(depth: 0);
            Expect<DocumentEnd>();
            if (Peek() is DocumentStart second)
            {
                diagnostics.Error(DiagnosticCodes.MalformedYaml, At(second.Start),
                    "a config file holds exactly one YAML document; remove the `---` separator and everything after it, or move it to its own file");
                diagnostics.MarkMalformed(file);
                return null;
            }

            return root is ScalarNode { IsNull: true } ? null : root;
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.MalformedYaml, At(e.Start), $"malformed YAML: {e.Message}");
            diagnostics.MarkMalformed(file);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) when the file ends inside a flow collection.
            if (openFlowCollections.TryPeek(out var open))
            {
                var bracket = open is SequenceStart ? "[`, closed by `]" : "{`, closed by `}";
                diagnostics.Error(DiagnosticCodes.MalformedYaml, At(open.Start),
                    $"malformed YAML: the flow collection opened here with `{bracket}` is never closed; add the closing bracket");
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.MalformedYaml, At(lastMark),
                    "malformed YAML near here; check quotes and brackets");
            }

            diagnostics.MarkMalformed(file);
            return null;
        }
    }

    private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private ParsingEvent? Peek() => parser.Current;

    private ParsingEvent Next()
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of the YAML event stream");
        lastMark = current.End;
        parser.MoveNext();
        return current;
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (parser.Current is null)
        {
            parser.MoveNext();
        }

        if (Next() is not T)
        {
            throw new YamlException(lastMark, lastMark, $"expected {typeof(T).Name}");
        }
    }

    private ConfigNode ReadNode(int depth)
    {
        var start = Next();
        if (depth > MaxDepth)
        {
            throw new YamlException(start.Start, start.End, $"the document is nested more than {MaxDepth} levels deep");
        }

        ConfigNode node = start switch
        {
            Scalar scalar => ToScalar(scalar),
            SequenceStart sequence => ReadSequence(sequence, depth),
            MappingStart mapping => ReadMapping(mapping, depth),
            AnchorAlias alias => anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"the alias `*{alias.Value}` refers to no anchor defined before it"),
            _ => throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}"),
        };

        if (start is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private ScalarNode ToScalar(Scalar scalar)
    {
        var type = scalar.Style == ScalarStyle.Plain ? ScalarTyping.OfPlain(scalar.Value) : ScalarType.String;
        if (!scalar.Tag.IsEmpty)
        {
            var tag = scalar.Tag.Value;
            if (tag == StrTag || scalar.Tag.IsNonSpecific)
            {
                type = ScalarType.String;
            }
            else if (!ResolvedByValueTags.Contains(tag))
            {
                ReportCustomTag(scalar, tag);
            }
        }

        return new ScalarNode(file, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value, type)
        {
            Quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted,
        };
    }

    private SequenceNode ReadSequence(SequenceStart start, int depth)
    {
        CheckCollectionTag(start, "tag:yaml.org,2002:seq");
        TrackFlow(start);
        var items = new List<ConfigNode>();
        while (Peek() is not SequenceEnd)
        {
            items.Add(ReadNode(depth + 1));
        }

        Next();
        UntrackFlow(start);
        return new SequenceNode(file, (int)start.Start.Line, (int)start.Start.Column, items);
    }

    private MapNode ReadMapping(MappingStart start, int depth)
    {
        CheckCollectionTag(start, "tag:yaml.org,2002:map");
        TrackFlow(start);
        var entries = new List<MapEntry>();
        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        while (Peek() is not MappingEnd)
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not ScalarNode scalarKey || scalarKey.IsNull)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, key,
                    $"a key must be a name, found {key.Describe()}; write the key as plain text");
                continue;
            }

            if (scalarKey.Value == "<<" && scalarKey.Type == ScalarType.String)
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, scalarKey,
                    "merge keys (`<<`) are not supported; write the keys out, or move shared steps into a command (.cigen/commands/<name>.yml)");
                continue;
            }

            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, scalarKey,
                    $"duplicate key `{scalarKey.Value}` (first set at line {first.Line}, column {first.Column}); keep only one of them");
                continue;
            }

            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new MapEntry(scalarKey, value));
        }

        Next();
        UntrackFlow(start);
        return new MapNode(file, (int)start.Start.Line, (int)start.Start.Column, entries);
    }

    private void CheckCollectionTag(NodeEvent start, string standardTag)
    {
        if (!start.Tag.IsEmpty && !start.Tag.IsNonSpecific && start.Tag.Value != standardTag)
        {
            ReportCustomTag(start, start.Tag.Value);
        }
    }

    private void ReportCustomTag(ParsingEvent at, string tag) =>
        diagnostics.Error(DiagnosticCodes.MalformedYaml, At(at.Start),
            $"the YAML tag `{tag}` is not supported; remove it (quote the value if it must stay a string)");

    private void TrackFlow(NodeEvent start)
    {
        if (start is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow })
        {
            openFlowCollections.Push(start);
        }
    }

    private void UntrackFlow(NodeEvent start)
    {
        if (openFlowCollections.TryPeek(out var top) && ReferenceEquals(top, start))
        {
            openFlowCollections.Pop();
        }
    }
}
