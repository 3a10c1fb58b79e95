namespace CIGen.Core.Skipping;

/// <summary>
/// The words REF_KIND starts with (<see cref="CIGen.Protocol.JobSkipping.RefScope"/>), as the runtime prints them, so
/// <c>cigen plan</c> names a ref-scoped marker as CI does.
/// </summary>
/// <remarks>
/// GitHub sets <c>GITHUB_REF_TYPE</c> (<c>branch</c>/<c>tag</c>) and <c>GITHUB_REF</c> (<c>refs/tags/…</c>); a
/// pull-request event runs on <c>refs/pull/N/merge</c>, which ref conditions see as neither a branch nor a tag, so it
/// is a kind of its own. CircleCI sets <c>CIRCLE_TAG</c> only on a tag pipeline; its pull requests are branch
/// pipelines, and its filters see them as branches. Anything else (schedule, dispatch) runs on a branch.
/// </remarks>
public static class RefKind
{
    public const string Branch = "branch";
    public const string Tag = "tag";
    public const string PullRequest = "pull_request";

    public static readonly IReadOnlyList<string> Kinds = [Branch, Tag, PullRequest];

    /// <summary>
    /// What the runtime appends for a job that reads the ref's name (<see cref="RefScope.Name"/>): the first 16 hex
    /// digits of the SHA-256 of the name ref conditions compare.
    /// </summary>
    public static string NameDigest(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
}
