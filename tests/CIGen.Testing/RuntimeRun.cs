using System.Diagnostics;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Testing;

/// <summary>Runs the cigen runtime (<see cref="CigenRuntime.Script"/>) in bash, as a generated configuration does.</summary>
public static class RuntimeRun
{
    private static readonly Lazy<string> ScriptFile = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"cigen-runtime-{Environment.ProcessId}-{Guid.NewGuid():N}.sh");
        System.IO.File.WriteAllText(file, CigenRuntime.Script);
        return file;
    });

    /// <summary>The runtime as a file, for tests that run it themselves.</summary>
    public static string File => ScriptFile.Value;

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>The <c>name=value</c> lines, in order.</summary>
        public IReadOnlyDictionary<string, string> Outputs => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
    }

    /// <param name="environment">Variables added to this process's environment (a null value removes one).</param>
    /// <param name="pathPrefix">Put before PATH, for fake clients.</param>
    public static Result Run(string operation, string spec, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, string? pathPrefix = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(File);
        start.ArgumentList.Add(operation);
        // The platforms' own variables would change REF_KIND and the marker names: a test sets the ones it means.
        foreach (var name in new[] { "GITHUB_REF", "GITHUB_REF_TYPE", "GITHUB_REF_NAME", "GITHUB_HEAD_REF", "GITHUB_EVENT_NAME", "CIRCLE_TAG", "CIRCLE_BRANCH", CigenRuntime.BackendVariable, CigenRuntime.JsonVariable, CigenRuntime.AnnotateVariable, CigenRuntime.DigestsVariable })
        {
            start.Environment.Remove(name);
        }

        start.Environment[CigenRuntime.SpecVariable] = spec;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        if (pathPrefix is not null)
        {
            start.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runtime's {operation} did not finish within 2 minutes.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The JOB_HASH the runtime's <c>hash</c> prints for one job; fails the test when it exits non-zero.</summary>
    public static string JobHash(Protocol.JobSkipping skipping, string workingDirectory)
    {
        var result = Run(CigenRuntime.Hash, new RuntimeSpec().Job("job", skipping).ToString(), workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the runtime's hash exited {result.ExitCode}: {result.StandardError}");
        }

        return result.Outputs[CigenRuntime.HashOutput("job")];
    }
}
