using System.Diagnostics;
using CIGen.Core.Skipping;

namespace CIGen.Skipping.Tests.Support;

/// <summary>Runs a generated marker function in bash, the way a CI step does: key and settings through the environment.</summary>
public static class MarkerRun
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Defines <see cref="MarkerScripts.Function"/> and calls it on <c>$CIGEN_SKIP_KEY</c> under <c>set -euo pipefail</c>
    /// (as CI shells run), exiting with its status. HOME is a fresh directory (no AWS config of the machine's); AWS_*,
    /// CIGEN_* and REDISCLI_* of the test process are not passed on.
    /// </summary>
    public static Result Run(MarkerBackend backend, MarkerOperation operation, string key, IReadOnlyDictionary<string, string> environment, string? path = null)
    {
        var script = "set -euo pipefail\n" + MarkerScripts.Function(backend, operation)
            + "status=0\n" + MarkerScripts.FunctionName(operation) + " \"$CIGEN_SKIP_KEY\" || status=$?\nexit \"$status\"\n";
        return Bash(script, new Dictionary<string, string>(environment) { ["CIGEN_SKIP_KEY"] = key }, path, $"{MarkerScripts.FunctionName(operation)} ({backend})");
    }

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
