using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>A workflow's <c>permissions</c> and <c>concurrency</c>, in GitHub's syntax.</summary>
internal static class WorkflowSettingsBinder
{
    private static readonly string[] Scopes =
    [
        "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues", "models",
        "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
    ];

    private static readonly string[] Levels = ["read", "write", "none"];
    private static readonly string[] AllLevels = ["read-all", "write-all"];
    private static readonly KeySet ConcurrencyKeys = new("a group name or a mapping `{group, cancel-in-progress}`", ["group", "cancel-in-progress"]);

    public static Permissions? BindPermissions(ConfigNode node, string what, NodeReader reader)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar when AllLevels.Contains(scalar.Value):
                return new Permissions { All = scalar.Value };
            case ScalarNode { IsNull: false } scalar:
                reader.Error(DiagnosticCodes.InvalidValue, scalar,
                    $"`{scalar.Value}` is not a permission level for {what}{Suggestions.DidYouMean(scalar.Value, AllLevels)}; use `read-all`, `write-all` or a mapping such as `{{contents: read}}`");
                return null;
            case MapNode map:
                var scopes = new OrderedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    if (!Scopes.Contains(entry.Name))
                    {
                        reader.Error(DiagnosticCodes.UnknownKey, entry.Key,
                            $"unknown permission scope `{entry.Name}` in {what}{Suggestions.DidYouMean(entry.Name, Scopes)}; scopes are: {string.Join(", ", Scopes)}");
                    }
                    else if (reader.String(entry.Value, $"`{entry.Name}` in {what}") is { } level)
                    {
                        if (Levels.Contains(level))
                        {
                            scopes.Add(entry.Name, level);
                        }
                        else
                        {
                            reader.Error(DiagnosticCodes.InvalidValue, entry.Value,
                                $"`{level}` is not a permission level{Suggestions.DidYouMean(level, Levels)}; use read, write or none");
                        }
                    }
                }

                return new Permissions { Scopes = scopes };
            default:
                reader.WrongType(node, what, "`read-all`, `write-all` or a mapping of scopes to read/write/none");
                return null;
        }
    }

    public static Concurrency? BindConcurrency(ConfigNode node, string what, NodeReader reader)
    {
        if (node is ScalarNode { IsNull: false } group)
        {
            return new Concurrency { Group = group.Value };
        }

        var map = reader.Map(node, what, ConcurrencyKeys);
        if (map.Node is null || !map.Require("group", node, "group: ${{ github.workflow }}-${{ github.ref }}") || map.String("group") is not { } name)
        {
            return null;
        }

        Scalar? cancel = null;
        if (map.Get("cancel-in-progress") is { } cancelNode)
        {
            if (cancelNode is ScalarNode { Type: ScalarType.Boolean or ScalarType.String } scalar)
            {
                cancel = scalar.ToScalar();
            }
            else
            {
                reader.WrongType(cancelNode, map.Label("cancel-in-progress"), "`true`, `false` or an expression");
            }
        }

        return new Concurrency { Group = name, CancelInProgress = cancel };
    }
}
