using System.Collections;

namespace CIGen.Provider.Sdk.Yaml;

/// <param name="BlankLineBefore">
/// Write an empty line before this entry (between top-level sections, between jobs). Ignored on a mapping's first
/// entry: nobody writes an empty line straight after <c>key:</c>.
/// </param>
/// <param name="VerbatimKey">See <see cref="YamlMapping.AddVerbatimKey"/>.</param>
public sealed record YamlEntry(string Key, YamlNode Value, bool BlankLineBefore = false, bool VerbatimKey = false);

/// <summary>A block mapping whose keys are written in the order they were added.</summary>
public sealed class YamlMapping : YamlNode, IEnumerable<YamlEntry>
{
    private readonly List<YamlEntry> entries = [];

    public IReadOnlyList<YamlEntry> Entries => entries;

    public int Count => entries.Count;

    /// <exception cref="ArgumentException">The key is already present: a generator bug, never user input.</exception>
    public void Add(string key, YamlNode value, bool blankLineBefore = false) =>
        Add(new YamlEntry(key, value, blankLineBefore));

    /// <summary>
    /// Adds an entry whose key the caller's reader is known to parse as YAML 1.2, so it is quoted only when YAML 1.2
    /// would retype it — for GitHub's <c>on:</c>, which an ordinary key would quote because YAML 1.1 reads it as
    /// <c>true</c>. Other keys avoid YAML 1.1's non-strings too.
    /// </summary>
    /// <exception cref="ArgumentException">The key is already present: a generator bug, never user input.</exception>
    public void AddVerbatimKey(string key, YamlNode value, bool blankLineBefore = false) =>
        Add(new YamlEntry(key, value, blankLineBefore, VerbatimKey: true));

    private void Add(YamlEntry entry)
    {
        var (key, value) = (entry.Key, entry.Value);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (ContainsKey(key))
        {
            throw new ArgumentException($"Duplicate YAML key '{key}'.", nameof(key));
        }

        entries.Add(entry);
    }

    /// <summary>Adds the entry only when there is a value: keeps builders free of <c>if (x != null)</c> noise.</summary>
    public void AddIfPresent(string key, YamlNode? value, bool blankLineBefore = false)
    {
        if (value is not null)
        {
            Add(key, value, blankLineBefore);
        }
    }

    public bool ContainsKey(string key) => entries.Exists(e => e.Key == key);

    public IEnumerator<YamlEntry> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
