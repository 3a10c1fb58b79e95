using System.Text;
using CIGen.Protocol;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// The values the runtime's <c>keys</c> operation joins for a job's cache keys: each stretch of a key made of two or
/// more value parts with only plain text (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>) between and around them
/// (<c>{os}-{os_version}-{arch}-gems-ruby{ruby}-</c>) becomes one <c>join</c> record, so the key reads one value instead
/// of one <c>fromJSON(…)</c> per part. The joined text equals the parts' concatenation (the runtime keeps those
/// characters as they are), so the key is the same. A key whose values the host already joined has no such stretch.
/// </summary>
internal sealed class CacheKeyJoins
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly List<KeyValue> values = [];

    /// <summary>One item of a key: a part (a literal cut at its plain text's edges), or a stretch of parts worth joining.</summary>
    public sealed record Item(KeyPart? Part, IReadOnlyList<KeyPart>? Run);

    /// <summary>The join records, in the order the job's keys first use them.</summary>
    public IReadOnlyList<KeyValue> Values => values;

    /// <param name="steps">The job's steps, commands expanded.</param>
    public static CacheKeyJoins For(IReadOnlyList<Step> steps)
    {
        var joins = new CacheKeyJoins();
        var taken = steps.Where(s => s.Kind == StepKind.KeyValues)
            .SelectMany(s => s.Values.Concat(s.KeyValues.Select(v => v.Name)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var step in steps.Where(s => s.Kind is StepKind.RestoreCache or StepKind.SaveCache))
        {
            foreach (var run in step.CacheKeys.SelectMany(k => Items(k, step.Source)).Select(i => i.Run).OfType<IReadOnlyList<KeyPart>>())
            {
                var signature = Signature(run);
                if (joins.names.ContainsKey(signature))
                {
                    continue;
                }

                var number = joins.values.Count + 1;
                while (taken.Contains($"key_{number}"))
                {
                    number++;
                }

                var name = $"key_{number}";
                taken.Add(name);
                joins.names.Add(signature, name);
                joins.values.Add(new KeyValue { Name = name, Kind = KeyValueKind.Join, Parts = run });
            }
        }

        return joins;
    }

    /// <summary>The name of the value joining <paramref name="run"/>, or null when there is none.</summary>
    public string? Name(IReadOnlyList<KeyPart> run) => names.GetValueOrDefault(Signature(run));

    /// <summary>The key's parts in order, literals cut into plain and other text, stretches worth joining as one item.</summary>
    public static IReadOnlyList<Item> Items(CacheKey key, SourceLocation source)
    {
        var items = new List<Item>();
        var run = new List<KeyPart>();
        void EndRun()
        {
            if (run.Count(p => p.Kind == KeyPartKind.Value) >= 2)
            {
                items.Add(new Item(null, [.. run]));
            }
            else
            {
                items.AddRange(run.Select(p => new Item(p, null)));
            }

            run.Clear();
        }

        foreach (var part in key.Parts)
        {
            if (part.Kind == KeyPartKind.Value)
            {
                run.Add(part);
                continue;
            }

            if (part.Kind != KeyPartKind.Literal)
            {
                EndRun();
                items.Add(new Item(part, null));
                continue;
            }

            var text = part.Text ?? throw InvalidGraphException.Broken("a literal key part carries its text", source);
            foreach (var (chunk, plain) in Chunks(text))
            {
                if (plain)
                {
                    run.Add(new KeyPart { Kind = KeyPartKind.Literal, Text = chunk });
                }
                else
                {
                    EndRun();
                    items.Add(new Item(new KeyPart { Kind = KeyPartKind.Literal, Text = chunk }, null));
                }
            }
        }

        EndRun();
        return items;
    }

    /// <summary>The text cut into maximal pieces that are all plain or all not.</summary>
    private static IEnumerable<(string Chunk, bool Plain)> Chunks(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsPlain(text[i]) != IsPlain(text[start]))
            {
                yield return (text[start..i], IsPlain(text[start]));
                start = i;
            }
        }
    }

    /// <summary>A character the runtime keeps as it is in a value (it replaces every other by <c>_</c>).</summary>
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static string Signature(IReadOnlyList<KeyPart> run)
    {
        var signature = new StringBuilder();
        foreach (var part in run)
        {
            signature.Append(part.Kind == KeyPartKind.Value ? 'v' : 't').Append(part.Kind == KeyPartKind.Value ? part.Name : part.Text).Append('\0');
        }

        return signature.ToString();
    }
}
