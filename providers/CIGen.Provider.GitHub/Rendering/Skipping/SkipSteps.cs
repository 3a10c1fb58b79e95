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
    public const string MarkerPath = "~/.cigen-skip-marker";

    public const string Shell = "bash";

    /// <summary>
    /// Hashes the jobs of <paramref name="spec"/> (<see cref="RuntimeSpec.Job"/>, <see cref="RuntimeSpec.Marker"/>) and
    /// names their markers; with an S3 or Redis <paramref name="backend"/> it also looks each marker up
    /// (<see cref="CigenRuntime.FoundOutput"/>). A malformed hash or a missing definition file fails the step.
    /// </summary>
    public static ActionStep Hash(string id, string name, string spec, SkipBackend backend, string? condition = null) =>
        RuntimeAction.Step(name, id, CigenRuntime.Hash, spec, env: IsNative(backend) ? null : BackendEnv(backend), condition: condition);

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
    /// Writes the marker named <paramref name="key"/> when <paramref name="condition"/> holds. A marker that cannot be
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

        return [RuntimeAction.Step("Record the skip marker", null, CigenRuntime.Record, marker: key, env: BackendEnv(backend), condition: condition)];
    }

    public static bool IsNative(SkipBackend backend) => backend.Type == "native";

    /// <summary>The backend's type for the runtime, and the variables it reads (secrets as references).</summary>
    private static OrderedDictionary<string, Scalar> BackendEnv(SkipBackend backend)
    {
        var env = new OrderedDictionary<string, Scalar> { [CigenRuntime.BackendVariable] = backend.Type };
        foreach (var (key, value) in EnvValues.Render(backend.Env, backend.EnvReferences))
        {
            env[key] = value;
        }

        return env;
    }
}
