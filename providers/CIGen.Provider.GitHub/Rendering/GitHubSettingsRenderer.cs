using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Permissions and concurrency, of a workflow or of a job's <c>github:</c> block, as GitHub's model.</summary>
internal static class GitHubSettingsRenderer
{
    public static PermissionSet? Permissions(Permissions? permissions) =>
        permissions is { } p ? new PermissionSet { All = p.All, Scopes = p.Scopes } : null;

    public static ConcurrencyGroup? Concurrency(Concurrency? concurrency) =>
        concurrency is { } c ? new ConcurrencyGroup { Group = c.Group, CancelInProgress = c.CancelInProgress } : null;
}
