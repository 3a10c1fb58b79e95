using System.Collections;

namespace CIGen.Provider.Sdk.Yaml;

/// <param name="BlankLineBefore">
/// Write an empty line before this entry (between top-level sections, between jobs). Ignored on a mapping's first
/// entry: nobody writes an empty line straight after <c>key:</c>.
/// </param>
public sealed record YamlEntry(string Key, YamlNode Value, bool BlankLineBefore = false);

/// <summary>A block mapping whose keys are written in the order they were added.</summary>
public sealed class YamlMapping : YamlNode, IEnumerable<YamlEntry>
{
    private readonly List<YamlEntry> entries = [];

    public IReadOnlyList<YamlEntry> Entries => entries;

    public int Count => entries.Count;

    /// <exception cref="ArgumentException">The key is already present: a generator bug, never user input.</exception>
    public void Add(string key, YamlNode value, bool blankLineBefore = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (ContainsKey(key))
        {
            throw new ArgumentException($"Duplicate YAML key '{key}'.", nameof(key));
        }

        entries.Add(new YamlEntry(key, value, blankLineBefore));
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
