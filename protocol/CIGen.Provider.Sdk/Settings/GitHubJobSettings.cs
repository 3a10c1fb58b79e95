using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Settings;

/// <summary>A job's <c>github:</c> block, as the host validated it: settings only GitHub Actions has.</summary>
public sealed record GitHubJobSettings
{
    public Permissions? Permissions { get; init; }

    public GitHubEnvironment? Environment { get; init; }

    public Concurrency? Concurrency { get; init; }

    /// <summary>Output name → expression, in the user's order.</summary>
    public OrderedDictionary<string, string> Outputs { get; set; } = [];

    /// <summary>A boolean or an expression.</summary>
    public Scalar? ContinueOnError { get; init; }
}

/// <summary>The deployment environment a GitHub job runs in.</summary>
public sealed record GitHubEnvironment
{
    public required string Name { get; init; }

    public string? Url { get; init; }
}
