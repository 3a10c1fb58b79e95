using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;

namespace CIGen.Core.Config.Binding;

/// <summary>The keys a mapping may hold, with hints for spellings people bring from other CI systems.</summary>
/// <param name="Expected">How the mapping is described in wrong-type messages.</param>
internal sealed record KeySet(string Expected, IReadOnlyList<string> Keys, IReadOnlyDictionary<string, string>? Hints = null)
{
    public bool Contains(string key) => Keys.Contains(key, StringComparer.Ordinal);
}

/// <summary>A mapping being bound: unknown keys are reported up front, typed getters report wrong shapes.</summary>
internal sealed class MapReader
{
    private readonly NodeReader reader;
    private readonly MapNode? map;

    /// <param name="wrongShape">The value was not a mapping (already reported), as opposed to an empty value.</param>
    public MapReader(NodeReader reader, MapNode? map, string what, KeySet keys, bool wrongShape = false)
    {
        this.reader = reader;
        this.map = map;
        What = what;
        WrongShape = wrongShape;
        foreach (var entry in Entries)
        {
            if (!keys.Contains(entry.Name))
            {
                ReportUnknown(entry, keys);
            }
        }
    }

    /// <summary>How the mapping is named in messages, e.g. "job `build`".</summary>
    public string What { get; }

    public MapNode? Node => map;

    /// <summary>True when the value was not a mapping: checks of missing content would only repeat that error.</summary>
    public bool WrongShape { get; }

    public IReadOnlyList<MapEntry> Entries => map?.Entries ?? [];

    public NodeReader Reader => reader;

    public MapEntry? Entry(string key) => map?.Find(key);

    public ConfigNode? Get(string key) => map?.Find(key)?.Value;

    public bool Has(string key) => map?.Find(key) is not null;

    /// <summary>The entry of <paramref name="key"/> or of its <paramref name="alias"/>; both set is reported.</summary>
    public MapEntry? EitherEntry(string key, string alias)
    {
        var primary = Entry(key);
        var secondary = Entry(alias);
        if (primary is not null && secondary is not null)
        {
            reader.Error(DiagnosticCodes.ConflictingKeys, secondary.Key,
                $"`{key}` and `{alias}` in {What} mean the same; keep one of them");
        }

        return primary ?? secondary;
    }

    /// <summary>Reports when both keys are set although they exclude each other.</summary>
    public void Exclusive(string first, string second, string advice)
    {
        if (Has(first) && Entry(second) is { } conflict)
        {
            reader.Error(DiagnosticCodes.ConflictingKeys, conflict.Key, $"`{first}` and `{second}` cannot both be set in {What}; {advice}");
        }
    }

    public string? String(string key) => Get(key) is { } node ? reader.String(node, Label(key)) : null;

    /// <summary>A string value with the place it was written, for references resolved later.</summary>
    public Located<string>? Located(string key) =>
        Get(key) is { } node && String(key) is { } value ? new Located<string>(value, node.Location) : null;

    public bool? Bool(string key) => Get(key) is { } node ? reader.Bool(node, Label(key)) : null;

    public int? PositiveInt(string key) => Get(key) is { } node ? reader.PositiveInt(node, Label(key)) : null;

    /// <summary>Null when the key is absent.</summary>
    public IReadOnlyList<Located<string>>? Strings(string key, bool allowSingle) =>
        Get(key) is { } node ? reader.Strings(node, Label(key), allowSingle) : null;

    public IReadOnlyList<string> PlainStrings(string key, bool allowSingle) =>
        Get(key) is { } node ? reader.PlainStrings(node, Label(key), allowSingle) : [];

    /// <summary>Reports a missing key; returns whether it is present.</summary>
    public bool Require(string key, ConfigNode fallbackLocation, string example)
    {
        if (Has(key))
        {
            return true;
        }

        reader.Error(DiagnosticCodes.MissingKey, (ConfigNode?)map ?? fallbackLocation, $"{What} needs `{key}`; add e.g. `{example}`");
        return false;
    }

    /// <summary>"`key` in job `build`": names a value in messages.</summary>
    public string Label(string key) => $"`{key}` in {What}";

    private void ReportUnknown(MapEntry entry, KeySet keys)
    {
        string advice;
        if (keys.Hints is not null && keys.Hints.TryGetValue(entry.Name, out var hint))
        {
            advice = $"; {hint}";
        }
        else if (Suggestions.Closest(entry.Name, keys.Keys) is { } match)
        {
            advice = $"; did you mean `{match}`?";
        }
        else
        {
            advice = $"; remove it or use one of: {string.Join(", ", keys.Keys)}";
        }

        reader.Error(DiagnosticCodes.UnknownKey, entry.Key, $"unknown key `{entry.Name}` in {What}{advice}");
    }
}
