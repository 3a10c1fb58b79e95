namespace CIGen.Core.Skipping;

/// <summary>
/// The bash that prints the kind of ref a CI run is for (REF_KIND of <see cref="CIGen.Protocol.JobSkipping"/>), read from the platform's
/// own variables, so every provider and backend names ref-scoped markers alike. Exactly one of the words below.
/// </summary>
/// <remarks>
/// GitHub sets <c>GITHUB_REF_TYPE</c> (<c>branch</c>/<c>tag</c>) and <c>GITHUB_REF</c> (<c>refs/tags/…</c>); a
/// pull-request event runs on <c>refs/pull/N/merge</c>, which ref conditions see as neither a branch nor a tag, so it
/// is a kind of its own. CircleCI sets <c>CIRCLE_TAG</c> only on a tag pipeline; its pull requests are branch
/// pipelines, and its filters see them as branches. Anything else (schedule, dispatch) runs on a branch.
/// </remarks>
public static class RefKindScript
{
    public const string Branch = "branch";
    public const string Tag = "tag";
    public const string PullRequest = "pull_request";

    public static readonly IReadOnlyList<string> Kinds = [Branch, Tag, PullRequest];

    public const string Text = """
        if [ -n "${CIRCLE_TAG-}" ] || [ "${GITHUB_REF_TYPE-}" = tag ] || case "${GITHUB_REF-}" in refs/tags/*) true ;; *) false ;; esac; then
          echo tag
        else
          case "${GITHUB_EVENT_NAME-}" in
            pull_request | pull_request_target) echo pull_request ;;
            *) echo branch ;;
          esac
        fi

        """;

    /// <summary>
    /// For a job that reads the ref's name (<see cref="RefScope.Name"/>): the kind, <c>-</c> and the first 16 hex digits
    /// of the SHA-256 of the name ref conditions compare — a pull request's head branch, else the branch or tag — so
    /// REF_KIND still starts with the kind word.
    /// </summary>
    public const string WithName = "kind=$(\n" + Text + ")\n" + """
        name=${CIRCLE_TAG:-${GITHUB_HEAD_REF:-${CIRCLE_BRANCH:-${GITHUB_REF_NAME-}}}}
        digest=$(printf '%s' "$name" | sha256sum)
        printf '%s-%s\n' "$kind" "${digest:0:16}"

        """;

    /// <summary>What <see cref="WithName"/> appends for a ref name: the first 16 hex digits of its SHA-256.</summary>
    public static string NameDigest(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
}
