using System.Collections;

namespace CIGen.Provider.Sdk.Yaml;

/// <summary>A block sequence (<c>- item</c> lines), indented under its key.</summary>
public sealed class YamlSequence : YamlNode, IEnumerable<YamlNode>
{
    private readonly List<YamlNode> items = [];

    public YamlSequence()
    {
    }

    public YamlSequence(IEnumerable<YamlNode> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    public IReadOnlyList<YamlNode> Items => items;

    public int Count => items.Count;

    public void Add(YamlNode item) => items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    public IEnumerator<YamlNode> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A one-line sequence of scalars: <c>[main, 'releases/**']</c>.</summary>
public sealed class YamlFlowSequence : YamlNode, IEnumerable<YamlScalar>
{
    private readonly List<YamlScalar> items = [];

    public YamlFlowSequence()
    {
    }

    public YamlFlowSequence(IEnumerable<YamlScalar> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    public IReadOnlyList<YamlScalar> Items => items;

    public int Count => items.Count;

    public void Add(YamlScalar item) => items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    public IEnumerator<YamlScalar> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
