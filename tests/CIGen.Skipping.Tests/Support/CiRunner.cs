using System.Globalization;
using System.Text;
using CIGen.Core.Skipping;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Skipping.Tests.Support;

/// <summary>One CI run of a skippable job: its repository checkout and the records of cigen's runtime <c>hash</c> for it (its marker's prefix included).</summary>
/// <param name="Succeeds">Whether the job's work succeeds when it runs (the simulation decides).</param>
public sealed record CiRun(string Repository, string HashSpec, bool Succeeds);

/// <summary>What a <see cref="CiRun"/> did.</summary>
/// <param name="JobHash">What the runtime's <c>hash</c> printed.</param>
/// <param name="LookupStatus">0 when the lookup found the marker (skip), 1 when it did not, 2 when the backend could not tell (warned).</param>
/// <param name="RecordStatus">0 when the runtime's <c>record</c> stored the marker, 2 when it could not (warned), or null when it was not called.</param>
public sealed record CiResult(string JobHash, int LookupStatus, bool Skipped, bool Ran, int? RecordStatus);

/// <summary>
/// Runs CI runs in one bash process, in order, each as generated CI does it: at the repository root, cigen's runtime
/// (<see cref="CigenRuntime"/>) computes JOB_HASH and looks the marker up (<c>hash</c> with <c>CIGEN_BACKEND</c>), a
/// found marker skips; otherwise the job runs and, only when it succeeded, <c>record</c> stores the marker.
/// </summary>
public static class CiRunner
{
    private const string Driver = """
        cigen_ci_run() {
          local repository=$1 spec=$2 work=$3 out errors job_hash='' key='' found='' lookup=1 job=0 record=-
          errors=$(mktemp)
          out=$(cd "$repository" && CIGEN_SPEC=$(cat "$spec") bash "$CIGEN_TEST_RUNTIME" hash 2>"$errors")
          while IFS='=' read -r name value; do
            case $name in
              *_hash) job_hash=$value ;;
              marker) key=$value ;;
              marker_found) found=$value ;;
            esac
          done < <(printf '%s\n' "$out")
          if [[ $found == true ]]; then lookup=0; elif grep -q 'could not look up' "$errors"; then lookup=2; fi
          cat "$errors" >&2
          if (( lookup == 0 )); then
            printf 'skip %s %s -\n' "$job_hash" "$lookup"
            return
          fi
          (cd "$repository" && exit "$work") || job=$?
          if (( job == 0 )); then
            record=0
            (cd "$repository" && CIGEN_MARKER_KEY=$key bash "$CIGEN_TEST_RUNTIME" record) 2>"$errors"
            if grep -q 'could not record' "$errors"; then record=2; fi
            cat "$errors" >&2
          fi
          rm -f "$errors"
          printf 'run %s %s %s\n' "$job_hash" "$lookup" "$record"
        }

        """;

    public static (IReadOnlyList<CiResult> Results, string StandardError) Run(
        MarkerBackend backend, IReadOnlyDictionary<string, string> settings, IReadOnlyList<CiRun> runs)
    {
        var scripts = Directory.CreateTempSubdirectory("cigen-ci-scripts-");
        try
        {
            var runtime = Path.Combine(scripts.FullName, CigenRuntime.FileName);
            File.WriteAllText(runtime, CigenRuntime.Script);
            var bash = new StringBuilder("set -euo pipefail\n").Append(Driver);
            for (var i = 0; i < runs.Count; i++)
            {
                var spec = Path.Combine(scripts.FullName, $"spec-{i}");
                File.WriteAllText(spec, runs[i].HashSpec);
                bash.Append("cigen_ci_run ").Append(Quote(runs[i].Repository)).Append(' ').Append(Quote(spec)).Append(' ')
                    .Append(runs[i].Succeeds ? '0' : '1').Append('\n');
            }

            var environment = new Dictionary<string, string>(settings)
            {
                ["CIGEN_TEST_RUNTIME"] = runtime,
                [CigenRuntime.BackendVariable] = backend.ToString().ToLowerInvariant(),
            };
            var result = MarkerRun.Bash(bash.ToString(), environment, what: $"{runs.Count} CI runs ({backend})", timeoutSeconds: 60 + (runs.Count * 10));
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
