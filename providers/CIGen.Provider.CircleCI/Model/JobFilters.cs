using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>A workflow job's <c>filters:</c>: which branches and tags of a pushed commit run it.</summary>
internal sealed record JobFilters
{
    /// <summary>Null: every branch (CircleCI's default).</summary>
    public RefFilter? Branches { get; init; }

    /// <summary>Null: no tag (CircleCI's default: tags run nothing unless a tag filter says so).</summary>
    public RefFilter? Tags { get; init; }

    public YamlMapping? ToYaml()
    {
        var filters = new YamlMapping();
        filters.AddIfPresent("branches", Branches?.ToYaml());
        filters.AddIfPresent("tags", Tags?.ToYaml());
        return filters.Count == 0 ? null : filters;
    }
}

/// <summary>
/// <c>only</c> and <c>ignore</c> lists of branch or tag specifiers: exact names, or Java regular expressions between
/// slashes (<c>/^v.*/</c>). With both, a ref runs when it matches <c>only</c> and not <c>ignore</c>.
/// </summary>
internal sealed record RefFilter
{
    public IReadOnlyList<string> Only { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var filter = new YamlMapping();
        filter.AddIfPresent("only", Only.Count > 0 ? YamlValues.OneOrList(Only) : null);
        filter.AddIfPresent("ignore", Ignore.Count > 0 ? YamlValues.OneOrList(Ignore) : null);
        return filter;
    }
}
