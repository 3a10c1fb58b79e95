using System.Text;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// The key of an automatic cache, exactly <c>{os}-{os_version}-{arch}-{name}-{tool}{version}-…-{checksum}</c>
/// (docs/config.md, "Cache keys"); restore keys drop only the checksum. A cache of build output (<c>scope: job</c>)
/// has its owner after the name, <c>{name}({workflow}/{job}/{matrix value}…)</c>: the parentheses close it, so one
/// leg's restore key is never the start of another leg's key (<c>x-</c> against <c>x-y-…</c>).
/// </summary>
internal static class AutomaticCacheKey
{
    /// <summary>The value a name is printed as by the key_values step: characters outside <c>[A-Za-z0-9_]</c> become <c>_</c>.</summary>
    public static string ValueName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    public static string FilesValue(string cache) => "files_" + ValueName(cache);

    /// <param name="tools">Tool names as they appear in the key (<c>$manager</c> already replaced).</param>
    /// <param name="files">Brace-expanded checksum sources; none: the key ends after the versions and has no restore key.</param>
    /// <param name="owner">For a per-job cache, its job (<see cref="Owner"/>); null for a shared one.</param>
    /// <returns>The key, then the restore keys in lookup order.</returns>
    public static IReadOnlyList<CacheKey> For(string cache, IReadOnlyList<string> tools, IReadOnlyList<string> files, IReadOnlyList<KeyPart>? owner = null)
    {
        var parts = new List<KeyPart>
        {
            Value(KeyValueNames.Os), Literal("-"), Value(KeyValueNames.OsVersion), Literal("-"), Value(KeyValueNames.Arch),
        };
        if (owner is null)
        {
            parts.Add(Literal($"-{cache}-"));
        }
        else
        {
            parts.Add(Literal($"-{cache}"));
            parts.AddRange(owner);
            parts.Add(Literal("-"));
        }

        foreach (var tool in tools)
        {
            parts.Add(Literal(tool));
            parts.Add(Value(ValueName(tool)));
            parts.Add(Literal("-"));
        }

        if (files.Count == 0)
        {
            // The key ends after the versions: drop the separator the last literal ends with.
            var last = ((KeyPart.Literal)parts[^1]).Text[..^1];
            if (last.Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts[^1] = Literal(last);
            }

            return [new CacheKey { Parts = parts }];
        }

        var restore = new CacheKey { Parts = [.. parts] };
        parts.Add(new KeyPart.Checksum(files, FilesValue(cache)));
        return [new CacheKey { Parts = parts }, restore];
    }

    /// <summary>
    /// <c>({workflow}/{job}/{value}…)</c>: the job as fixed text, then the value of each of the job's matrix names, in
    /// the legs' order (none for a job without a matrix). The providers spell the values: a leg of its own carries
    /// its value as text, a native matrix reads <c>matrix.X</c> when the job runs.
    /// </summary>
    public static IReadOnlyList<KeyPart> Owner(string workflow, string job, IReadOnlyList<string> matrixNames)
    {
        var parts = new List<KeyPart> { Literal($"({workflow}/{job}") };
        foreach (var name in matrixNames)
        {
            parts.Add(Literal("/"));
            parts.Add(new KeyPart.Matrix(name));
        }

        parts.Add(Literal(")"));
        return parts;
    }

    /// <summary>The key as text with each value and checksum filled in from <paramref name="values"/> (tests, docs).</summary>
    public static string Render(CacheKey key, IReadOnlyDictionary<string, string> values) =>
        string.Concat(key.Parts.Select(p => p switch
        {
            KeyPart.Literal literal => literal.Text,
            KeyPart.Value value => values[value.Name],
            KeyPart.Matrix matrix => values[$"matrix.{matrix.Name}"],
            KeyPart.Checksum { Digest: { } digest } => values[digest],
            _ => throw new ArgumentException($"an automatic key has no {p.Kind} part"),
        }));

    private static KeyPart Value(string name) => new KeyPart.Value(name);

    private static KeyPart Literal(string text) => new KeyPart.Literal(text);
}
