using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>
/// A step of GitHub's cache actions: <c>actions/cache/restore</c> or <c>actions/cache/save</c>. Its inputs are lists
/// that the actions read one item per line, so several items are written as a multi-line string.
/// </summary>
internal sealed record CacheStep : JobStep
{
    public const string RestoreAction = "actions/cache/restore@v4";
    public const string SaveAction = "actions/cache/save@v4";

    /// <summary><see cref="RestoreAction"/> or <see cref="SaveAction"/>.</summary>
    public required string Uses { get; init; }

    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>The key to look up (restore) or to store under (save): text with embedded <c>${{ }}</c> expressions.</summary>
    public required string Key { get; init; }

    /// <summary>Prefixes tried in order when <see cref="Key"/> has no exact match; restore only.</summary>
    public IReadOnlyList<string> RestoreKeys { get; init; } = [];

    /// <summary>Restore only: report whether <see cref="Key"/> exists (<c>cache-hit</c>) without downloading the entry.</summary>
    public bool LookupOnly { get; init; }

    /// <summary>
    /// Lets entries saved on Windows and elsewhere find each other; GitHub otherwise makes the entry's version depend on
    /// whether the runner is Windows.
    /// </summary>
    public bool CrossOsArchive { get; init; }

    protected override void AddBody(YamlMapping step)
    {
        step.Add("uses", Uses);
        var with = new YamlMapping
        {
            { "path", Lines(Paths) },
            { "key", Key },
        };
        if (RestoreKeys.Count > 0)
        {
            with.Add("restore-keys", Lines(RestoreKeys));
        }

        if (LookupOnly)
        {
            with.Add("lookup-only", YamlScalar.Boolean(true));
        }

        if (CrossOsArchive)
        {
            with.Add("enableCrossOsArchive", YamlScalar.Boolean(true));
        }

        step.Add("with", with);
        step.AddIfPresent("env", YamlValues.MapOrNull(Env));
    }

    /// <summary>One item as it is; several one per line (a block scalar), the way the action's docs write them.</summary>
    private static string Lines(IReadOnlyList<string> items) => items.Count == 1 ? items[0] : string.Join("\n", items) + "\n";
}
