using System.Text.Json;
using System.Text.Json.Serialization;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Settings;

/// <summary>The top-level <c>github:</c> block.</summary>
public sealed record GitHubSettings
{
    /// <summary><c>plan</c> (default) or <c>early_exit</c>.</summary>
    public string? SkipStrategy { get; init; }
}

/// <summary>The top-level <c>circleci:</c> block.</summary>
public sealed record CircleCiSettings
{
    public bool? Dynamic { get; init; }

    public bool? FixGithubStatus { get; init; }

    public IReadOnlyList<string> Context { get; set; } = [];
}

/// <summary>
/// The blocks of the first-party providers, which the host validates (so a mistake is reported at its line) and
/// sends as <see cref="Graph.ProviderSettings"/> / <see cref="Job.ProviderSettings"/> in this shape; the contract itself
/// knows no provider's settings.
/// </summary>
public static class FirstPartySettings
{
    public static JsonElement ToJson(GitHubSettings settings) => JsonSerializer.SerializeToElement(settings, SettingsJsonContext.Default.GitHubSettings);

    public static JsonElement ToJson(CircleCiSettings settings) => JsonSerializer.SerializeToElement(settings, SettingsJsonContext.Default.CircleCiSettings);

    public static JsonElement ToJson(GitHubJobSettings settings) => JsonSerializer.SerializeToElement(settings, SettingsJsonContext.Default.GitHubJobSettings);

    public static GitHubSettings? GitHub(Graph graph) => Read(graph.ProviderSettings, SettingsJsonContext.Default.GitHubSettings);

    public static CircleCiSettings? CircleCi(Graph graph) => Read(graph.ProviderSettings, SettingsJsonContext.Default.CircleCiSettings);

    public static GitHubJobSettings? GitHub(Job job) => Read(job.ProviderSettings, SettingsJsonContext.Default.GitHubJobSettings);

    private static T? Read<T>(JsonElement? json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        if (json is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize(type);
        }
        catch (JsonException e)
        {
            throw InvalidGraphException.Broken($"the provider settings are not a {typeof(T).Name}: {e.Message}", null);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubSettings))]
[JsonSerializable(typeof(CircleCiSettings))]
[JsonSerializable(typeof(GitHubJobSettings))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
