using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The steps both strategies share: hash jobs and name their markers, look a marker up, record it. Hashing and the
/// S3/Redis markers are the runtime's (<see cref="RuntimeAction"/>, operations <c>hash</c> and <c>record</c>); a native
/// marker is an entry of GitHub's cache. Values reach the runtime through the action's inputs and <c>env</c> only.
/// </summary>
internal static class SkipSteps
{
    /// <summary>
    /// The one file a native marker holds. actions/cache makes the path part of an entry's version, so lookup and
    /// record must name it with the same text.
    /// </summary>
    public const string MarkerPath = CigenRuntime.CacheMarkerFile;

    public const string Shell = "bash";

    /// <summary>
    /// Hashes the jobs of <paramref name="spec"/> (<see cref="RuntimeSpec.Job"/>, <see cref="RuntimeSpec.Marker"/>) and
    /// names their markers; with <paramref name="lookUp"/> it also looks each marker up (<see cref="CigenRuntime.FoundOutput"/>):
    /// an S3 or Redis marker in its backend, a native one in GitHub's cache through the REST API (<see cref="GitHubCacheEnv"/>).
    /// A malformed hash or a missing definition file fails the step.
    /// </summary>
    /// <param name="markers">The graph's markers of the hashed jobs, whose common start the GitHub cache listing needs.</param>
    public static ActionStep Hash(
        string id, string name, string spec, SkipBackend backend, IEnumerable<SkipMarker> markers, string? condition = null, bool lookUp = true) =>
        RuntimeAction.Step(name, id, CigenRuntime.Hash, spec, env: !lookUp ? null : IsNative(backend) ? GitHubCacheEnv(markers) : BackendEnv(backend), condition: condition, backend: !lookUp ? string.Empty : RuntimeName(backend));

    /// <summary>
    /// What the runtime's <c>github</c> backend reads to list GitHub's cache: the job's token (it needs
    /// <see cref="LookupPermissions()"/>), the default branch, whose entries every run may restore, and what every marker
    /// of <paramref name="markers"/> starts with, so that only markers are listed.
    /// </summary>
    private static OrderedDictionary<string, Scalar> GitHubCacheEnv(IEnumerable<SkipMarker> markers) => new()
    {
        [CigenRuntime.GitHubTokenVariable] = "${{ github.token }}",
        [CigenRuntime.GitHubKeyPrefixVariable] = MarkerPrefix(markers),
        [CigenRuntime.GitHubDefaultBranchVariable] = "${{ github.event.repository.default_branch }}",
    };

    /// <summary>The runtime's name for markers in GitHub's own cache.</summary>
    public const string GitHubCacheBackend = RuntimeAction.DefaultBackend;

    /// <summary>What a job that lists GitHub's cache needs of its token; <c>contents: read</c> for its checkout.</summary>
    public static OrderedDictionary<string, string> LookupPermissions() => new()
    {
        ["actions"] = "read",
        ["contents"] = "read",
    };

    /// <summary>The longest start, up to a <c>/</c>, that every prefix of <paramref name="markers"/> shares.</summary>
    private static string MarkerPrefix(IEnumerable<SkipMarker> markers)
    {
        var prefixes = markers.Select(marker => marker.Prefix).ToList();
        var common = prefixes.Count == 0 ? string.Empty : prefixes.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
        return common[..(common.LastIndexOf('/') + 1)];
    }

    /// <summary>
    /// The condition of a native lookup of job <paramref name="jobId"/> hashed in step <paramref name="hashId"/>: none,
    /// or, for a job that never skips on tags, the runtime's word that this run looks it up (a lookup that does not run
    /// finds nothing, so the job runs). An S3 or Redis lookup happens in the hash step, which knows it itself.
    /// </summary>
    public static string? LookupCondition(JobSkipping skipping, string hashId, string jobId) =>
        skipping.SkipOnTags ? null : $"{RuntimeAction.Value(hashId, CigenRuntime.LookupOutput(jobId))} == 'true'";

    /// <summary>Looks the marker <paramref name="key"/> up in GitHub's cache without downloading anything (<c>cache-hit</c>).</summary>
    public static CacheStep NativeLookup(string id, string name, string key, string? condition = null) => new()
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

    /// <summary>
    /// The expression, without <c>${{ }}</c>, that holds when the marker <paramref name="marker"/> (a marker output of
    /// the hash step <paramref name="hashId"/>) was found: the native lookup step <paramref name="lookupId"/>'s
    /// <c>cache-hit</c>, else the hash step's own lookup.
    /// </summary>
    public static string Found(SkipBackend backend, string hashId, string marker, string lookupId, bool orEmpty = false) =>
        $"{FoundOutput(backend, hashId, marker, lookupId, orEmpty)} == 'true'";

    /// <summary>The opposite of <see cref="Found"/>; also true when the lookup did not run.</summary>
    public static string NotFound(SkipBackend backend, string hashId, string marker, string lookupId) =>
        $"{FoundOutput(backend, hashId, marker, lookupId, orEmpty: false)} != 'true'";

    private static string FoundOutput(SkipBackend backend, string hashId, string marker, string lookupId, bool orEmpty) =>
        IsNative(backend) ? $"steps.{lookupId}.outputs.cache-hit" : RuntimeAction.Value(hashId, CigenRuntime.FoundOutput(marker), orEmpty);

    /// <summary>
    /// Writes the marker named <paramref name="key"/> when <paramref name="condition"/> holds: through the runtime, into
    /// S3, Redis or — the runtime writing the file, the action saving it with actions/cache/save — GitHub's cache. A
    /// marker that cannot be written never fails the job: it only costs a rerun next time.
    /// </summary>
    public static IReadOnlyList<JobStep> Record(SkipBackend backend, string key, string? condition) =>
        [RuntimeAction.Step("Record the skip marker", null, CigenRuntime.Record, marker: key, env: IsNative(backend) ? null : BackendEnv(backend), condition: condition, backend: RuntimeName(backend))];

    public static bool IsNative(SkipBackend backend) => backend.Type == "native";

    /// <summary>The runtime's name of the backend (<c>CIGEN_BACKEND</c>, the action's input <c>backend</c>).</summary>
    private static string RuntimeName(SkipBackend backend) => IsNative(backend) ? GitHubCacheBackend : backend.Type;

    /// <summary>The variables the backend's runtime reads (secrets as references); its name goes in the action's input.</summary>
    private static OrderedDictionary<string, Scalar> BackendEnv(SkipBackend backend)
    {
        var env = new OrderedDictionary<string, Scalar>();
        foreach (var (key, value) in EnvValues.Render(backend.Env, backend.EnvReferences))
        {
            env[key] = value;
        }

        return env;
    }
}
