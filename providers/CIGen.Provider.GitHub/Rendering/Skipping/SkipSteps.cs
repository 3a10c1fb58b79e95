using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The steps both strategies share: compute a job's hash, look a marker up, record it. Values reach the scripts through
/// <c>env</c> only; the scripts themselves (hash, lookup, record) come from the host.
/// </summary>
internal static class SkipSteps
{
    /// <summary>
    /// The one file a native marker holds. actions/cache makes the path part of an entry's version, so lookup and
    /// record must name it with the same text.
    /// </summary>
    public const string MarkerPath = "~/.cigen-skip-marker";

    public const string Shell = "bash";

    /// <summary>
    /// Runs the host's hash script and outputs <c>hash</c>; a malformed hash fails the step instead of naming a wrong
    /// marker. With the host's ref-kind script (<see cref="JobSkipping.RefKindScript"/>) it also outputs <c>ref_kind</c>.
    /// </summary>
    public static RunStep Hash(string id, string name, JobSkipping skipping, string? condition = null) => new()
    {
        Name = name,
        Id = id,
        If = condition,
        Shell = Shell,
        // inherit_errexit (bash 4.4+) makes a failing command inside the script fail it; older bash relies on pipefail.
        Run = "shopt -s inherit_errexit 2>/dev/null || true\n"
            + "cigen_job_hash() {\n"
            + Lines(skipping.HashScript)
            + "}\n"
            + "hash=\"$(cigen_job_hash)\"\n"
            + "if ! [[ \"$hash\" =~ ^[0-9a-f]{64}$ ]]; then\n"
            + "  echo \"::error::the job hash script printed '$hash', not 64 lowercase hex digits\"\n"
            + "  exit 1\n"
            + "fi\n"
            + "echo \"hash=$hash\" >> \"$GITHUB_OUTPUT\"\n"
            + (skipping.RefKindScript is { } refKind
                ? "cigen_ref_kind() {\n" + Lines(refKind) + "}\n" + "echo \"ref_kind=$(cigen_ref_kind)\" >> \"$GITHUB_OUTPUT\"\n"
                : string.Empty),
    };

    /// <summary>
    /// The condition of a lookup: none, or, for a job that never skips on tags, that the hash step
    /// <paramref name="hashId"/> saw no tag (a lookup that does not run finds nothing, so the job runs). REF_KIND starts
    /// with the kind word (<c>tag</c>, or <c>tag-&lt;digest&gt;</c> for a job that reads the ref's name).
    /// </summary>
    public static string? LookupCondition(JobSkipping skipping, string hashId) =>
        skipping.SkipOnTags ? null : $"!startsWith({RefKindOutput(hashId)}, 'tag')";

    /// <summary>The ref kind the hash step <paramref name="hashId"/> printed (only with a ref-kind script).</summary>
    public static string RefKindOutput(string hashId) => $"steps.{hashId}.outputs.ref_kind";

    /// <summary>
    /// Looks <paramref name="key"/> up without downloading anything. Native: the cache action's <c>cache-hit</c>;
    /// s3/redis: the backend's lookup function, whose "cannot ask" (any exit but 0 and 1) means run, with a warning.
    /// </summary>
    public static JobStep Lookup(string id, string name, SkipBackend backend, string key, string? condition = null)
    {
        if (IsNative(backend))
        {
            return new CacheStep
            {
                Name = name,
                Id = id,
                If = condition,
                Uses = CacheStep.RestoreAction,
                Paths = [MarkerPath],
                Key = key,
                LookupOnly = true,
                CrossOsArchive = true,
            };
        }

        return new RunStep
        {
            Name = name,
            Id = id,
            If = condition,
            Env = BackendEnv(backend, key),
            Shell = Shell,
            Run = Lines(backend.ClientScript ?? string.Empty)
                + Lines(backend.LookupScript ?? throw Broken(backend, "lookupScript"))
                + "status=0\n"
                + "cigen_marker_lookup \"$CIGEN_MARKER_KEY\" || status=$?\n"
                + "if [ \"$status\" -eq 0 ]; then\n"
                + "  echo \"skip=true\" >> \"$GITHUB_OUTPUT\"\n"
                + "else\n"
                + "  if [ \"$status\" -ne 1 ]; then\n"
                + "    echo \"::warning::could not look up the skip marker $CIGEN_MARKER_KEY (exit $status); the job runs\"\n"
                + "  fi\n"
                + "  echo \"skip=false\" >> \"$GITHUB_OUTPUT\"\n"
                + "fi\n",
        };
    }

    /// <summary>The expression, without <c>${{ }}</c>, that holds when the lookup step <paramref name="id"/> found the marker.</summary>
    public static string Found(string id, SkipBackend? backend) => $"{Output(id, backend)} == 'true'";

    /// <summary>The opposite of <see cref="Found"/>; also true when the step did not run.</summary>
    public static string NotFound(string id, SkipBackend? backend) => $"{Output(id, backend)} != 'true'";

    /// <summary>A lookup step's verdict: the cache action's <c>cache-hit</c>, else (a script, or null for a leg's decision) <c>skip</c>.</summary>
    private static string Output(string id, SkipBackend? backend) =>
        backend is not null && IsNative(backend) ? $"steps.{id}.outputs.cache-hit" : $"steps.{id}.outputs.skip";

    /// <summary>
    /// Writes the marker under <paramref name="key"/> when <paramref name="condition"/> holds. A marker that cannot be
    /// written never fails the job: it only costs a rerun next time.
    /// </summary>
    public static IReadOnlyList<JobStep> Record(SkipBackend backend, string key, string condition)
    {
        if (IsNative(backend))
        {
            return
            [
                new RunStep
                {
                    Name = "Write the skip marker",
                    If = condition,
                    Shell = Shell,
                    Run = "printf 'ok\\n' > \"$HOME/.cigen-skip-marker\"\n",
                },
                new CacheStep
                {
                    Name = "Record the skip marker",
                    If = condition,
                    Uses = CacheStep.SaveAction,
                    Paths = [MarkerPath],
                    Key = key,
                    CrossOsArchive = true,
                },
            ];
        }

        return
        [
            new RunStep
            {
                Name = "Record the skip marker",
                If = condition,
                Env = BackendEnv(backend, key),
                Shell = Shell,
                Run = Lines(backend.ClientScript ?? string.Empty)
                    + Lines(backend.RecordScript ?? throw Broken(backend, "recordScript"))
                    + "cigen_marker_record \"$CIGEN_MARKER_KEY\" || echo \"::warning::could not record the skip marker $CIGEN_MARKER_KEY; the next run repeats this job\"\n",
            },
        ];
    }

    /// <summary>
    /// A marker's name: the host's prefix (or an expression choosing one) followed by the hash expression; for a
    /// ref-scoped job (<paramref name="refKindExpression"/> given) the ref kind and a slash come before the hash.
    /// </summary>
    public static string Key(string prefix, string hashExpression, string? refKindExpression = null) =>
        refKindExpression is null
            ? $"{prefix}${{{{ {hashExpression} }}}}"
            : $"{prefix}${{{{ {refKindExpression} }}}}/${{{{ {hashExpression} }}}}";

    private static bool IsNative(SkipBackend backend) => backend.Type == "native";

    private static OrderedDictionary<string, Scalar> BackendEnv(SkipBackend backend, string key)
    {
        var env = new OrderedDictionary<string, Scalar>(EnvValues.Render(backend.Env, backend.EnvReferences))
        {
            ["CIGEN_MARKER_KEY"] = key,
        };
        return env;
    }

    private static string Lines(string script)
    {
        var normalised = script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        return normalised.Length == 0 ? string.Empty : normalised + "\n";
    }

    private static InvalidGraphException Broken(SkipBackend backend, string member) =>
        InvalidGraphException.Broken($"the {backend.Type} skip backend '{backend.Name}' carries its {member}", null);
}
