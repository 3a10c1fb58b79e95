using CIGen.Core.Graphs;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Tests.Support;

internal static class ProviderBlocks
{
    /// <summary>The job's <c>github:</c> block as the GitHub provider receives it; null when there is none.</summary>
    public static GitHubJobSettings? GitHubSettings(this Job job) =>
        FirstPartySettings.GitHub(job with { ProviderSettings = job.ProviderBlocks.TryGetValue("github", out var block) ? block : null });
}
