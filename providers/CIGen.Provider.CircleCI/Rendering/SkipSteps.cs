using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using RunStep = CIGen.Provider.CircleCI.Model.RunStep;
using SaveCacheStep = CIGen.Provider.CircleCI.Model.SaveCacheStep;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>One CircleCI job (one matrix leg) that can be skipped, and the names its hash step gives what it computes.</summary>
/// <param name="Job">The job's name in the runtime's records and its output files: the job's id after matrix expansion
/// (a leg's <c>&lt;job&gt;_&lt;suffix&gt;</c>), or in the setup job the job's CircleCI name.</param>
internal sealed record SkipTarget(string Workflow, string Job, JobSkipping Skipping, SkipMarker Marker)
{
    /// <summary>The runtime's output naming the job's marker: prefix [+ REF_KIND/] + JOB_HASH, kept in the file of that name.</summary>
    public string MarkerOutput => $"{Job}_marker";

    public string MarkerFile => $"{RuntimeCommand.SkipDirectory}/{MarkerOutput}";

    /// <summary>Holds <c>true</c> once the lookup found the marker: S3/Redis lookups write it, and it is what CircleCI's cache holds as the native marker.</summary>
    public string FoundFile => $"{MarkerFile}_found";

    /// <summary>
    /// The native key: CircleCI keys cannot read a file's text, only checksum it, so the key is the marker's prefix and
    /// the checksum of the file holding the marker's name — equal names, equal keys. <c>restore_cache</c> matches keys by
    /// prefix, but every such key is the prefix and a checksum of one fixed length, so only the identical key matches.
    /// </summary>
    public string NativeKey => CacheKeySyntax.Literal(Marker.Prefix) + CacheKeySyntax.ChecksumOf(MarkerFile);

    public bool IsNative => Skipping.Backend.Type == "native";

    /// <summary>The skippable job of a job after matrix expansion (one marker: its leg's), or null; never on a macOS or Windows executor.</summary>
    public static SkipTarget? Of(Workflow workflow, Job job) =>
        job.Skipping is { Markers: [var marker] } skipping && !SkipExecutor.IsMacOsOrWindows(job)
            ? new SkipTarget(workflow.Id, job.Id, skipping, marker)
            : null;
}

/// <summary>
/// The steps that skip a job whose inputs are unchanged since it last succeeded (docs/protocol.md, "JobSkipping"), all
/// through cigen's commands: right after the checkout the runtime's <c>hash</c> names the job's marker (and with an
/// S3/Redis backend looks it up), a native marker is restored from CircleCI's cache, and <see cref="SkipCommand"/> halts
/// when it was found; at the end of the job, after every other step succeeded, the marker is recorded under the same
/// name. <c>circleci-agent step halt</c> ends the job as a success, so the jobs that require it run as usual.
/// </summary>
internal static class SkipSteps
{
    public const string HashStepName = "Compute the job hash";
    public const string HashAndLookupStepName = "Compute the job hash and look up its skip marker";
    public const string LookupStepName = "Look up the skip marker";
    public const string WriteStepName = "Write the skip marker";
    public const string RecordStepName = "Record the skip marker";

    /// <summary>
    /// The steps for after the checkout: a use of <paramref name="commands"/>' command when there are commands — null for
    /// the continued pipeline, whose setup job looked up already and which only hashes.
    /// </summary>
    public static IReadOnlyList<ConfigStep> Start(SkipTarget target, Scope scope, SkipCommands? commands)
    {
        if (commands is null)
        {
            return [Hash([(target.Job, target)], lookUp: false, scope)];
        }

        if (commands.Start(target, scope) is { } use)
        {
            return [use];
        }

        return target.IsNative
            ? [Hash([(target.Job, target)], lookUp: false, scope), Restore(target, LookupStepName), SkipCommand.Halt(target.Job)]
            : [Hash([(target.Job, target)], lookUp: true, scope), SkipCommand.Halt(target.Job)];
    }

    /// <summary>
    /// The runtime's <c>hash</c> over <paramref name="targets"/>, each with the name of the job record its hash is under:
    /// targets of one record share its hash (and <c>&lt;record&gt;_lookup</c>), so legs with the same inputs are hashed
    /// once. With <paramref name="lookUp"/> the markers are also looked up in their S3/Redis backend (all the same one).
    /// </summary>
    public static CommandInvocation Hash(IReadOnlyList<(string Record, SkipTarget Target)> targets, bool lookUp, Scope scope)
    {
        var spec = new RuntimeSpec();
        foreach (var record in targets.GroupBy(t => t.Record, StringComparer.Ordinal))
        {
            spec.Job(record.Key, record.First().Target.Skipping);
            foreach (var (_, target) in record)
            {
                spec.Marker(target.MarkerOutput, target.Marker.Prefix);
            }
        }

        var single = targets.Count == 1;
        var first = targets[0].Target;
        lookUp &= !first.IsNative;
        var name = (single ? HashStepName : "Compute the job hashes") + (lookUp ? (single ? " and look up its skip marker" : " and look up the skip markers") : "");
        return lookUp
            ? RuntimeCommand.Use(name, CigenRuntime.Hash, spec.ToString(), Backend(first, scope))
            : RuntimeCommand.Use(name, CigenRuntime.Hash, spec.ToString());
    }

    /// <summary>Native: <c>restore_cache</c> of the marker file under the key it is saved with, which brings back <c>true</c>.</summary>
    public static Model.RestoreCacheStep Restore(SkipTarget target, string name) => new() { Name = name, Keys = [target.NativeKey] };

    /// <summary>
    /// The last steps, on success only (CircleCI's default): native — the marker file written and saved under the
    /// lookup's key; S3/Redis — the runtime's record of the marker the hash step named, whose failure is a warning (a
    /// missing marker only costs a rerun).
    /// </summary>
    public static IReadOnlyList<ConfigStep> Record(SkipTarget target, Scope scope, SkipCommands? commands) =>
        commands?.Record(target, scope) is { } use ? [use] : Record(target, scope);

    /// <summary>The record steps themselves, written where they run or once in a command (<see cref="SkipCommands"/>).</summary>
    public static IReadOnlyList<ConfigStep> Record(SkipTarget target, Scope scope) => target.IsNative
        ?
        [
            new RunStep { Name = WriteStepName, Command = $"echo true > {target.FoundFile}\n" },
            new SaveCacheStep { Name = RecordStepName, Key = target.NativeKey, Paths = [target.FoundFile] },
        ]
        : [RuntimeCommand.Use(RecordStepName, CigenRuntime.Record, null, [.. Backend(target, scope), (RuntimeCommand.MarkerParameter, target.MarkerOutput)])];

    /// <summary>The arguments naming the target's backend and its settings, NAME=VALUE per line.</summary>
    public static (string, string)[] Backend(SkipTarget target, Scope scope)
    {
        var backend = target.Skipping.Backend;
        return [(RuntimeCommand.BackendParameter, backend.Type), (RuntimeCommand.BackendEnvParameter, BackendEnv(backend, scope))];
    }

    /// <summary>
    /// The backend's settings in their order: literal values as written, a setting from a secret or variable under
    /// another name as <c>${NAME}</c>, which the command reads at run time (a setting under its own name is in the
    /// step's environment already and is left out). Values are one line each.
    /// </summary>
    public static string BackendEnv(SkipBackend backend, Scope scope)
    {
        var what = $"skip backend `{backend.Name}`";
        var split = EnvironmentReferences.Split(backend.Env, EnvironmentReferences.ReferenceIn(backend.EnvReferences), scope, null, what);
        var lines = new System.Text.StringBuilder();
        foreach (var key in backend.Env.Keys)
        {
            string? value = split.Literal.TryGetValue(key, out var literal) ? literal.Text
                : split.Exports.FirstOrDefault(e => e.Key == key) is { } export ? $"${{{export.Name}}}"
                : null;
            if (value is null)
            {
                continue;
            }

            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                scope.Error(
                    DiagnosticCodes.EnvExpression,
                    $"variable `{key}` of {what} of {scope.Description} has a line break, which the circleci provider cannot pass to the "
                    + "skip marker's steps; write the setting on one line",
                    null);
                continue;
            }

            lines.Append(key).Append('=').Append(value).Append('\n');
        }

        return lines.ToString();
    }
}
