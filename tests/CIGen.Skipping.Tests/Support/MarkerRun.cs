using System.Diagnostics;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Skipping.Tests.Support;

/// <summary>Runs a generated marker function in bash, the way a CI step does: key and settings through the environment.</summary>
public static class MarkerRun
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Loads the runtime's functions and runs its marker <paramref name="operation"/> on <c>$CIGEN_SKIP_KEY</c> (exit
    /// 0, 1 or 2; without the client installation, which would reach for apt), exiting with its status. HOME is a
    /// fresh directory (no AWS config of the machine's); AWS_*, CIGEN_* and REDISCLI_* of the test process are not passed on.
    /// </summary>
    public static Result Run(MarkerBackend backend, MarkerOperation operation, string key, IReadOnlyDictionary<string, string> environment, string? path = null)
    {
        var script = Functions(backend) + $"status=0\ncigen_marker {Operation(operation)} \"$CIGEN_SKIP_KEY\" || status=$?\nexit \"$status\"\n";
        return Bash(script, new Dictionary<string, string>(environment) { ["CIGEN_SKIP_KEY"] = key }, path, $"{Operation(operation)} ({backend})");
    }

    /// <summary>Bash that loads the runtime's functions for <paramref name="backend"/> under <c>set -euo pipefail</c>, its client taken as there.</summary>
    public static string Functions(MarkerBackend backend) =>
        $"CIGEN_RUNTIME_FUNCTIONS_ONLY=1 . {ShellWords.Quote(RuntimeRun.File)}\nset -euo pipefail\n"
        + $"CIGEN_BACKEND={(backend == MarkerBackend.S3 ? "s3" : "redis")}\ncigen_backend_ready=1\n";

    private static string Operation(MarkerOperation operation) => operation == MarkerOperation.Lookup ? "lookup" : "record";

    /// <summary>
    /// Runs <paramref name="script"/> in bash with HOME a fresh directory (also the working directory; no AWS config of
    /// the machine's), without the test process's AWS_*, CIGEN_* and REDISCLI_* variables, plus <paramref name="environment"/>.
    /// </summary>
    public static Result Bash(string script, IReadOnlyDictionary<string, string> environment, string? path = null, string? what = null, int timeoutSeconds = 90)
    {
        var home = Directory.CreateTempSubdirectory("cigen-home-");
        try
        {
            var start = new ProcessStartInfo("/bin/bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = home.FullName,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("AWS_", StringComparison.Ordinal)
                         || n.StartsWith("CIGEN_", StringComparison.Ordinal) || n.StartsWith("REDISCLI_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = home.FullName;
            if (path is not null)
            {
                start.Environment["PATH"] = path;
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{what ?? "bash"} did not finish within {timeoutSeconds} s.");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
