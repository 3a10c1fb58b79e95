using System.Globalization;
using System.Text;
using CIGen.Core.Hashing;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Skipping.Tests.Support;

/// <summary>One CI run of a skippable job: its repository checkout, the runtime's hash records for it, its marker key prefix.</summary>
/// <param name="Succeeds">Whether the job's work succeeds when it runs (the simulation decides).</param>
public sealed record CiRun(string Repository, string HashSpec, string KeyPrefix, bool Succeeds)
{
    /// <summary>A run of <paramref name="job"/>, hashed with the inputs the core sends.</summary>
    public static CiRun Of(Protocol.Job job, string repository, string keyPrefix, bool succeeds) => new(
        repository,
        new RuntimeSpec().Job("job", new Protocol.JobSkipping { Inputs = JobHash.InputsOf(job), Backend = new Protocol.SkipBackend { Name = "b", Type = "native" } }).ToString(),
        keyPrefix,
        succeeds);
}

/// <summary>What a <see cref="CiRun"/> did.</summary>
/// <param name="JobHash">What the runtime's hash printed.</param>
/// <param name="LookupStatus">The exit status of <c>cigen_marker_lookup</c>: 0 skip, 1 no marker, 2 backend error.</param>
/// <param name="RecordStatus">The exit status of <c>cigen_marker_record</c>, or null when it was not called.</param>
public sealed record CiResult(string JobHash, int LookupStatus, bool Skipped, bool Ran, int? RecordStatus);

/// <summary>
/// Runs CI runs in one bash process, in order, each as generated CI does it: at the repository root, <c>JOB_HASH</c> from
/// the runtime's <c>hash</c> (its own bash, as a CI step), key = prefix + hash, the runtime's marker lookup (0 = skip);
/// otherwise the job runs and, only when it succeeded, the marker record.
/// </summary>
public static class CiRunner
{
    private const string Driver = """
        cigen_ci_run() {
          local repository=$1 hash_spec=$2 prefix=$3 work=$4 job_hash key lookup=0 job=0 record=-
          job_hash=$(cd "$repository" && CIGEN_SPEC=$(cat "$hash_spec") bash --noprofile --norc "$cigen_runtime" hash)
          job_hash=${job_hash%%$'\n'*}
          job_hash=${job_hash#job_hash=}
          key=$prefix$job_hash
          (cd "$repository" && cigen_marker lookup "$key") || lookup=$?
          if (( lookup == 0 )); then
            printf 'skip %s %s -\n' "$job_hash" "$lookup"
            return
          fi
          (cd "$repository" && exit "$work") || job=$?
          if (( job == 0 )); then
            record=0
            (cd "$repository" && cigen_marker record "$key") || record=$?
          fi
          printf 'run %s %s %s\n' "$job_hash" "$lookup" "$record"
        }

        """;

    public static (IReadOnlyList<CiResult> Results, string StandardError) Run(
        MarkerBackend backend, IReadOnlyDictionary<string, string> settings, IReadOnlyList<CiRun> runs)
    {
        var scripts = Directory.CreateTempSubdirectory("cigen-ci-scripts-");
        try
        {
            var bash = new StringBuilder(MarkerRun.Functions(backend))
                .Append("cigen_runtime=").Append(Quote(RuntimeRun.File)).Append('\n')
                .Append(Driver);
            for (var i = 0; i < runs.Count; i++)
            {
                var hashScript = Path.Combine(scripts.FullName, $"hash-{i}.spec");
                File.WriteAllText(hashScript, runs[i].HashSpec);
                bash.Append("cigen_ci_run ").Append(Quote(runs[i].Repository)).Append(' ').Append(Quote(hashScript)).Append(' ')
                    .Append(Quote(runs[i].KeyPrefix)).Append(' ').Append(runs[i].Succeeds ? '0' : '1').Append('\n');
            }

            var result = MarkerRun.Bash(bash.ToString(), settings, what: $"{runs.Count} CI runs ({backend})", timeoutSeconds: 60 + (runs.Count * 10));
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (result.ExitCode != 0 || lines.Length != runs.Count)
            {
                throw new InvalidOperationException(
                    $"the CI runs failed (exit {result.ExitCode}, {lines.Length} of {runs.Count} results):\n{result.StandardOutput}\n{result.StandardError}");
            }

            return ([.. lines.Select(Parse)], result.StandardError);
        }
        finally
        {
            scripts.Delete(recursive: true);
        }
    }

    public static (CiResult Result, string StandardError) RunOne(MarkerBackend backend, IReadOnlyDictionary<string, string> settings, CiRun run)
    {
        var (results, errors) = Run(backend, settings, [run]);
        return (results[0], errors);
    }

    private static CiResult Parse(string line)
    {
        var parts = line.Split(' ');
        return new CiResult(
            parts[1],
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            Skipped: parts[0] == "skip",
            Ran: parts[0] == "run",
            parts[3] == "-" ? null : int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
