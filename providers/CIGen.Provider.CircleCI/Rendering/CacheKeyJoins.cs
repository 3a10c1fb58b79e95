using System.Text;
using CIGen.Protocol;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Keeps cache keys short. CircleCI spells a value part as the checksum of the file holding the value (about forty
/// characters, <see cref="CacheKeySyntax"/>), so an automatic key with a version per tool would be a line of 300. Each
/// run of literal and value parts holding two or more values becomes one more value of the job's key_values step, a
/// <c>join</c> of those parts (the runtime concatenates them), so the key reads
/// <c>{{ checksum ".../key_gems" }}-{{ checksum ".../files_gems" }}</c>. A restore key that is a prefix of the saved key
/// stays one: a run of the same parts is the same value wherever it occurs, and literals at a run's ends stay outside
/// it. The runtime keeps only <c>[A-Za-z0-9._-]</c> of a value, so a joined literal is written with <c>.</c> doubled and
/// every other character outside that set as <c>.</c> and its UTF-8 bytes in hex (<c>(</c> → <c>.28</c>): two literals
/// that differ still give two values. A host that joins the key's prefix itself sends runs of one value, which stay as
/// they are.
/// </summary>
internal static class CacheKeyJoins
{
    /// <summary>The steps, the cache keys after the job's key_values step joined and the joins added to that step.</summary>
    public static IReadOnlyList<Step> Apply(IReadOnlyList<Step> steps)
    {
        var at = steps.ToList().FindIndex(s => s.Kind == StepKind.KeyValues);
        if (at < 0)
        {
            return steps;
        }

        var keyStep = steps[at];
        var taken = keyStep.KeyValues.Select(v => v.Name).Concat(["os", "os_version", "arch"]).ToHashSet(StringComparer.Ordinal);
        var joins = new List<KeyValue>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var rewritten = steps.Select((step, i) => i > at && step.CacheKeys.Count > 0
                ? step with { CacheKeys = [.. step.CacheKeys.Select(key => Join(key, step.Cache))] }
                : step)
            .ToList();
        if (joins.Count == 0)
        {
            return steps;
        }

        rewritten[at] = keyStep with { KeyValues = [.. keyStep.KeyValues, .. joins] };
        return rewritten;

        CacheKey Join(CacheKey key, string? cache)
        {
            var parts = new List<KeyPart>();
            var run = new List<KeyPart>();
            foreach (var part in key.Parts.Append(null))
            {
                if (part is not null && Joinable(part))
                {
                    run.Add(part);
                    continue;
                }

                parts.AddRange(Joined(run, cache));
                run.Clear();
                if (part is not null)
                {
                    parts.Add(part);
                }
            }

            return parts.Count == key.Parts.Count ? key : key with { Parts = parts };
        }

        IEnumerable<KeyPart> Joined(List<KeyPart> run, string? cache)
        {
            var first = run.FindIndex(p => p.Kind == KeyPartKind.Value);
            var last = run.FindLastIndex(p => p.Kind == KeyPartKind.Value);
            if (first < 0 || run.Count(p => p.Kind == KeyPartKind.Value) < 2)
            {
                return [.. run];
            }

            var joined = run[first..(last + 1)];
            var signature = Signature(joined);
            if (!names.TryGetValue(signature, out var name))
            {
                name = Free(cache is null ? "key" : $"key_{cache}");
                names.Add(signature, name);
                joins.Add(new KeyValue
                {
                    Name = name,
                    Kind = KeyValueKind.Join,
                    Parts = Merged(joined),
                });
            }

            return [.. run[..first], new KeyPart { Kind = KeyPartKind.Value, Name = name }, .. run[(last + 1)..]];
        }

        string Free(string wanted)
        {
            var name = RuntimeCommand.IsValueName(wanted) ? wanted : "key";
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{(RuntimeCommand.IsValueName(wanted) ? wanted : "key")}_{n}";
            }

            return name;
        }
    }

    private static bool Joinable(KeyPart part) =>
        part.Kind == KeyPartKind.Value && RuntimeCommand.IsValueName(part.Name) || part.Kind == KeyPartKind.Literal;

    /// <summary>The parts with each run of literals written as one, escaped (<see cref="Escaped"/>).</summary>
    private static List<KeyPart> Merged(IEnumerable<KeyPart> parts)
    {
        var merged = new List<KeyPart>();
        foreach (var part in parts)
        {
            if (part.Kind != KeyPartKind.Literal)
            {
                merged.Add(part);
            }
            else if (merged.Count > 0 && merged[^1].Kind == KeyPartKind.Literal)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + Escaped(part.Text ?? "") };
            }
            else
            {
                merged.Add(part with { Text = Escaped(part.Text ?? "") });
            }
        }

        return merged;
    }

    /// <summary>The literal as the runtime keeps it unchanged, one text for each: <c>.</c> doubled, other characters outside <c>[A-Za-z0-9_-]</c> as <c>.XX</c>.</summary>
    private static string Escaped(string text)
    {
        var escaped = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '.')
            {
                escaped.Append("..");
            }
            else if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '-'))
            {
                escaped.Append((char)rune.Value);
            }
            else
            {
                foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
                {
                    escaped.Append('.').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return escaped.ToString();
    }

    private static string Signature(IEnumerable<KeyPart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Kind == KeyPartKind.Value ? $"v:{part.Name}" : $"l:{part.Text}").Append('\n');
        }

        return text.ToString();
    }
}
