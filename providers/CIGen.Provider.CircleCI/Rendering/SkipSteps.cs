using System.Text;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>Where one CircleCI job (one matrix leg) keeps its JOB_HASH and its marker file: <c>/tmp/cigen/skip/&lt;workflow&gt;/&lt;job&gt;</c>.</summary>
/// <param name="Job">The job's id after matrix expansion (a leg's <c>&lt;job&gt;_&lt;suffix&gt;</c>).</param>
internal sealed record SkipTarget(string Workflow, string Job, JobSkipping Skipping, SkipMarker Marker)
{
    public const string Root = "/tmp/cigen/skip";

    public string Directory => $"{Root}/{Workflow}/{Job}";

    public string HashFile => $"{Directory}/hash";

    /// <summary>Exists once the lookup found the marker; on the native backend it is also what the platform cache holds.</summary>
    public string MarkerFile => $"{Directory}/marker";

    /// <summary>The kind of ref this run is for (<see cref="JobSkipping.RefKindScript"/>), when the host sent the script.</summary>
    public string RefKindFile => $"{Directory}/ref_kind";

    /// <summary>
    /// The native key: CircleCI keys cannot read a file's text, only checksum it, so the key is the marker's prefix and
    /// the checksum of the hash file — equal hashes, equal keys. <c>restore_cache</c> matches keys by prefix, but every
    /// such key is the prefix and checksums of one fixed length, so only the identical key matches. A ref-scoped job's
    /// key has the checksum of the ref-kind file between them.
    /// </summary>
    public string NativeKey => CacheKeySyntax.Literal(Marker.Prefix)
        + (Skipping.RefScoped ? CacheKeySyntax.ChecksumOf(RefKindFile) + "/" : string.Empty)
        + CacheKeySyntax.ChecksumOf(HashFile);

    public bool IsNative => Skipping.Backend.Type == "native";

    /// <summary>The skippable job of a job after matrix expansion (one marker: its leg's), or null; never on a macOS or Windows executor.</summary>
    public static SkipTarget? Of(Workflow workflow, Job job) =>
        job.Skipping is { Markers: [var marker] } skipping && !SkipExecutor.IsMacOsOrWindows(job)
            ? new SkipTarget(workflow.Id, job.Id, skipping, marker)
            : null;
}

/// <summary>
/// The steps that skip a job whose inputs are unchanged since it last succeeded (docs/protocol.md, "JobSkipping"):
/// right after the checkout the hash, the marker lookup and a halt when the marker exists; at the end of the job, after
/// every other step succeeded, the record of the marker under the same name. <c>circleci-agent step halt</c> ends the
/// job as a success, so the jobs that require it run as usual.
/// </summary>
internal static class SkipSteps
{
    public const string HashStepName = "Compute the job hash";
    public const string LookupStepName = "Look up the skip marker";
    public const string HaltStepName = "Skip the job when its inputs are unchanged";
    public const string RecordStepName = "Record the skip marker";

    /// <summary>The steps for after the checkout; <paramref name="halt"/> false for the continued pipeline, whose setup job looked up already.</summary>
    public static IReadOnlyList<ConfigStep> Start(SkipTarget target, Scope scope, bool halt) =>
        halt ? [Hash([target]), .. Lookups(target, scope), Halt(target)] : [Hash([target])];

    /// <summary>The lookup and, for a job that never skips on tags, the step that forgets a marker found on a tag run.</summary>
    public static IReadOnlyList<ConfigStep> Lookups(SkipTarget target, Scope scope, string name = LookupStepName) =>
        target.Skipping.SkipOnTags ? [Lookup(target, scope, name)] : [Lookup(target, scope, name), RunOnTags(target)];

    /// <summary>Removes the marker file on a tag run, so neither the halt nor the setup job skips the job there.</summary>
    private static RunStep RunOnTags(SkipTarget target) => new()
    {
        Name = $"Run {target.Job} on every tag (skip_on_tags: false)",
        Command = new StringBuilder()
            // REF_KIND starts with the kind word: `tag`, or `tag-<digest>` for a job that reads the ref's name.
            .Append("if [[ \"$(cat ").Append(target.RefKindFile).Append(")\" == tag* ]]; then\n")
            .Append("  rm -f ").Append(target.MarkerFile).Append('\n')
            .Append("  echo \"cigen: a tag run: ").Append(target.Job).Append(" runs whatever its marker says\"\n")
            .Append("fi\n")
            .ToString(),
    };

    /// <summary>
    /// Runs each distinct hash script once (matrix legs share theirs) into every target's hash file, and fails the job
    /// when a script prints anything but one JOB_HASH: a key built from an empty hash would be shared by every run. It
    /// removes each marker file first: only this run's lookup may leave one (a machine runner keeps <c>/tmp</c>). With
    /// the host's ref-kind script it also writes the run's ref kind, which a ref-scoped marker's name carries.
    /// </summary>
    public static RunStep Hash(IReadOnlyList<SkipTarget> targets)
    {
        var script = new StringBuilder();
        var computed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            script.Append("mkdir -p ").Append(target.Directory).Append('\n')
                .Append("rm -f ").Append(target.MarkerFile).Append('\n');
            if (target.Skipping.RefKindScript is { } refKind)
            {
                script.Append("(\n").Append(refKind.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n')
                    .Append(") > ").Append(target.RefKindFile).Append('\n');
            }

            if (computed.TryGetValue(target.Skipping.HashScript, out var first))
            {
                script.Append("cp ").Append(first).Append(' ').Append(target.HashFile).Append('\n');
                continue;
            }

            computed.Add(target.Skipping.HashScript, target.HashFile);
            script.Append("(\n").Append(target.Skipping.HashScript.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n')
                .Append(") > ").Append(target.HashFile).Append('\n')
                .Append("if [ \"$(wc -l < ").Append(target.HashFile).Append(")\" != 1 ] || ! grep -Eqx '[0-9a-f]{64}' ").Append(target.HashFile).Append("; then\n")
                .Append("  echo \"cigen: the hash script of ").Append(target.Workflow).Append('/').Append(target.Job).Append(" printed no JOB_HASH\" >&2\n")
                .Append("  exit 1\n")
                .Append("fi\n")
                .Append("echo \"").Append(target.Job).Append(": $(cat ").Append(target.HashFile).Append(")\"\n");
        }

        return new RunStep { Name = targets.Count == 1 ? HashStepName : "Compute the job hashes", Command = script.ToString() };
    }

    /// <summary>
    /// Native: <c>restore_cache</c> of the marker file. S3/Redis: the backend's lookup, which creates the marker file
    /// only on a definite "exists" (exit 0); "absent" (1) runs the job, anything else runs it with a warning.
    /// </summary>
    public static ConfigStep Lookup(SkipTarget target, Scope scope, string name = LookupStepName)
    {
        if (target.IsNative)
        {
            return new RestoreCacheStep { Name = name, Keys = [target.NativeKey] };
        }

        var backend = target.Skipping.Backend;
        var (environment, script) = BackendScript(target, scope, backend.LookupScript, "lookupScript");
        script
            .Append("status=0\n")
            .Append("cigen_marker_lookup \"$key\" || status=$?\n")
            .Append("case \"$status\" in\n")
            .Append("  0)\n")
            .Append("    echo \"cigen: found the skip marker $key\"\n")
            .Append("    touch ").Append(target.MarkerFile).Append('\n')
            .Append("    ;;\n")
            .Append("  1) echo \"cigen: no skip marker $key: the job runs\" ;;\n")
            .Append("  *) echo \"cigen: warning: could not look up the skip marker $key (exit $status): the job runs\" >&2 ;;\n")
            .Append("esac\n");
        return new RunStep { Name = name, Environment = environment, Command = script.ToString() };
    }

    /// <summary>The start every S3/Redis step shares: the backend's variables, its client, the function, the key.</summary>
    private static (OrderedDictionary<string, Scalar> Environment, StringBuilder Script) BackendScript(
        SkipTarget target, Scope scope, string? function, string member)
    {
        var backend = target.Skipping.Backend;
        var (environment, exports) = BackendEnvironment(target, scope);
        var script = new StringBuilder(exports)
            .Append(backend.ClientScript)
            .Append(Function(function, member, backend))
            .Append(KeyLine(target));
        return (environment, script);
    }

    /// <summary>Halts only when the lookup left the marker file: a missing or unreadable marker never skips.</summary>
    public static RunStep Halt(SkipTarget target) => new()
    {
        Name = HaltStepName,
        Command = new StringBuilder()
            .Append("if [ -f ").Append(target.MarkerFile).Append(" ]; then\n")
            .Append("  echo \"cigen: the inputs of this job are unchanged since it last succeeded; the job ends here\"\n")
            .Append("  circleci-agent step halt\n")
            .Append("fi\n")
            .ToString(),
    };

    /// <summary>
    /// The last steps, on success only (CircleCI's default): native — the marker file saved under the lookup's key;
    /// S3/Redis — the backend's record, whose failure is a warning (a missing marker only costs a rerun).
    /// </summary>
    public static IReadOnlyList<ConfigStep> Record(SkipTarget target, Scope scope)
    {
        if (target.IsNative)
        {
            return
            [
                new RunStep { Name = "Write the skip marker", Command = $"mkdir -p {target.Directory}\ntouch {target.MarkerFile}\n" },
                new SaveCacheStep { Name = RecordStepName, Key = target.NativeKey, Paths = [target.MarkerFile] },
            ];
        }

        var backend = target.Skipping.Backend;
        var (environment, script) = BackendScript(target, scope, backend.RecordScript, "recordScript");
        script
            .Append("if cigen_marker_record \"$key\"; then\n")
            .Append("  echo \"cigen: recorded the skip marker $key\"\n")
            .Append("else\n")
            .Append("  echo \"cigen: warning: could not record the skip marker $key; the next run repeats this job\" >&2\n")
            .Append("fi\n");
        return [new RunStep { Name = RecordStepName, Environment = environment, Command = script.ToString() }];
    }

    /// <summary>The backend's variables, with the marker's prefix, which reaches the script as a variable like every other value.</summary>
    private static (OrderedDictionary<string, Scalar> Environment, string Exports) BackendEnvironment(SkipTarget target, Scope scope)
    {
        var backend = target.Skipping.Backend;
        var split = EnvironmentReferences.Split(backend.Env, EnvironmentReferences.ReferenceIn(backend.EnvReferences), scope, null, $"skip backend `{backend.Name}`");
        var environment = new OrderedDictionary<string, Scalar>(split.Literal, StringComparer.Ordinal) { ["CIGEN_MARKER_PREFIX"] = Scalar.String(target.Marker.Prefix) };
        return (environment, EnvironmentReferences.ExportLines(split.Exports));
    }

    private static string KeyLine(SkipTarget target) => target.Skipping.RefScoped
        ? $"key=\"${{CIGEN_MARKER_PREFIX}}$(cat {target.RefKindFile})/$(cat {target.HashFile})\"\n"
        : $"key=\"${{CIGEN_MARKER_PREFIX}}$(cat {target.HashFile})\"\n";

    /// <summary>The backend's function; its variables come from <c>environment:</c>, which shellcheck cannot see.</summary>
    private static string Function(string? script, string field, SkipBackend backend) =>
        "# shellcheck disable=SC2153 # the backend's variables are set in environment:\n"
        + (script ?? throw InvalidGraphException.Broken($"a {backend.Type} skip backend carries its {field}", null))
            .Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
