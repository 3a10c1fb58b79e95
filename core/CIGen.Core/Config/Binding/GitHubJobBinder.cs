using CIGen.Core.Config.Yaml;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// A job's <c>github:</c> block: settings only GitHub Actions has, in GitHub's syntax. The user scoped them to GitHub,
/// so other providers leave them out without a word.
/// </summary>
internal static class GitHubJobBinder
{
    private static readonly KeySet Keys = new(
        "a mapping of GitHub-only job settings (permissions, environment, concurrency, outputs, continue_on_error)",
        ["permissions", "environment", "concurrency", "outputs", "continue_on_error"],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["continue-on-error"] = "use `continue_on_error`",
            ["timeout-minutes"] = "use the job's `timeout` (minutes), outside `github:`",
            ["env"] = "use the job's `env`, outside `github:`",
        });

    private static readonly KeySet EnvironmentKeys = new("a name or a mapping `{name, url}`", ["name", "url"]);

    public static GitHubJobSettings? Bind(ConfigNode node, string what, NodeReader reader)
    {
        var map = reader.Map(node, what, Keys);
        if (map.Node is null)
        {
            return null;
        }

        return new GitHubJobSettings
        {
            Permissions = map.Get("permissions") is { } permissions ? WorkflowSettingsBinder.BindPermissions(permissions, map.Label("permissions"), reader) : null,
            Environment = map.Get("environment") is { } environment ? Environment(environment, map.Label("environment"), reader) : null,
            Concurrency = map.Get("concurrency") is { } concurrency ? WorkflowSettingsBinder.BindConcurrency(concurrency, map.Label("concurrency"), reader) : null,
            Outputs = map.Get("outputs") is { } outputs ? Outputs(outputs, map.Label("outputs"), reader) : [],
            ContinueOnError = map.Get("continue_on_error") is { } continueOnError ? ContinueOnError(continueOnError, map.Label("continue_on_error"), reader) : null,
        };
    }

    private static GitHubEnvironment? Environment(ConfigNode node, string what, NodeReader reader)
    {
        if (node is ScalarNode { IsNull: false, Type: ScalarType.String } name)
        {
            return new GitHubEnvironment { Name = name.Value };
        }

        var map = reader.Map(node, what, EnvironmentKeys);
        if (map.Node is null || !map.Require("name", node, "name: production") || map.String("name") is not { } environment)
        {
            return null;
        }

        return new GitHubEnvironment { Name = environment, Url = map.String("url") };
    }

    private static OrderedDictionary<string, string> Outputs(ConfigNode node, string what, NodeReader reader)
    {
        var outputs = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in reader.Entries(node, what, "a mapping of output names to expressions, e.g. `version: ${{ steps.v.outputs.version }}`"))
        {
            if (!Names.IsId(entry.Name))
            {
                reader.Error(DiagnosticCodes.InvalidName, entry.Key, $"`{entry.Name}` is not a valid output name; use {Names.IdRule}");
            }
            else if (reader.String(entry.Value, $"output `{entry.Name}` in {what}") is { } value)
            {
                outputs.Add(entry.Name, value);
            }
        }

        return outputs;
    }

    private static Scalar? ContinueOnError(ConfigNode node, string what, NodeReader reader)
    {
        if (node is ScalarNode { Type: ScalarType.Boolean } flag)
        {
            return flag.ToScalar();
        }

        if (node is ScalarNode { Type: ScalarType.String } expression && expression.Value.TrimStart().StartsWith("${{", StringComparison.Ordinal))
        {
            return expression.ToScalar();
        }

        reader.WrongType(node, what, "`true`, `false` or an expression `${{ … }}`");
        return null;
    }
}
