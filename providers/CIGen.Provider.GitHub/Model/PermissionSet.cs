using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary><c>permissions:</c> — one level for all scopes (<c>read-all</c>) or a level per scope; empty means none.</summary>
internal sealed record PermissionSet
{
    public string? All { get; init; }

    public OrderedDictionary<string, string> Scopes { get; init; } = [];

    public YamlNode ToYaml()
    {
        if (All is not null)
        {
            return All;
        }

        var scopes = new YamlMapping();
        foreach (var (scope, level) in Scopes)
        {
            scopes.Add(scope, level);
        }

        return scopes;
    }
}
