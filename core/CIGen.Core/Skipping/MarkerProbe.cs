using System.ComponentModel;
using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Core.Skipping;

/// <summary>
/// Asks a backend whether a marker exists, locally, by running the generated lookup script in bash with the backend's
/// variables set as CI would set them: literal settings as written, <c>${NAME}</c> settings from this process's
/// environment. Never claims a skip it has not seen: every doubt reads as "run".
/// </summary>
internal sealed class MarkerProbe(Func<string, string?> getEnvironment)
{
    // Exit status of the probe's own check that the backend's client is installed (the lookup uses 0, 1 and 2).
    private const int ClientMissing = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // A backend that could not be asked once is not asked again: each try can cost the client's timeouts.
    private readonly Dictionary<string, string> unavailable = new(StringComparer.Ordinal);

    public string Verdict(SkipBackend backend, string key)
    {
        if (unavailable.TryGetValue(backend.Name, out var known))
        {
            return known;
        }

        var verdict = Ask(backend, key, out var remember);
        if (remember)
        {
            unavailable.Add(backend.Name, verdict);
        }

        return verdict;
    }

    private string Ask(SkipBackend backend, string key, out bool remember)
    {
        remember = true;
        if (Client(backend.Type) is not { } client)
        {
            return NotChecked($"backend `{backend.Name}` is the CI platform's own cache, which only CI can read");
        }

        var missing = backend.EnvReferences.Values.Select(r => r.Name).Where(n => string.IsNullOrEmpty(getEnvironment(n))).Distinct().ToList();
        if (missing.Count > 0)
        {
            return NotChecked($"set {string.Join(", ", missing)} (backend `{backend.Name}` reads {(missing.Count == 1 ? "it" : "them")}) in this environment");
        }

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // The runtime's own lookup, without its client installation: `cigen plan` runs on the user's machine.
        start.ArgumentList.Add($"command -v {client} >/dev/null 2>&1 || exit {ClientMissing}\n{CigenRuntime.Script}\ncigen_backend_ready=1\ncigen_marker lookup \"$1\"\n");
        start.ArgumentList.Add("cigen-plan");
        start.ArgumentList.Add(key);
        foreach (var (_, variable) in SkipBackendEnv.For(backend.Type).Where(v => v.Variable.StartsWith("CIGEN_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(variable); // as in CI: a setting the config leaves out is not set
        }

        start.Environment["CIGEN_RUNTIME_FUNCTIONS_ONLY"] = "1";
        start.Environment[CigenRuntime.BackendVariable] = backend.Type;
        foreach (var (variable, value) in backend.Env)
        {
            start.Environment[variable] = backend.EnvReferences.TryGetValue(variable, out var reference) ? getEnvironment(reference.Name) : value.Text;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return NotChecked("bash is not installed");
        }

        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return $"run (backend unreachable: no answer within {Timeout.TotalSeconds:0} s)";
            }

            process.WaitForExit();
            remember = process.ExitCode is not (0 or 1);
            return process.ExitCode switch
            {
                0 => "skip (marker found)",
                1 => "run (no marker)",
                ClientMissing => NotChecked($"{client} is not installed"),
                _ => $"run (backend unreachable: {Reason(error.Result, key)})",
            };
        }
    }

    private static string NotChecked(string why) => $"run? (marker not checked: {why})";

    private static string? Client(string type) => type switch
    {
        "s3" => "aws",
        "redis" => "redis-cli",
        _ => null,
    };

    /// <summary>The lookup's warning without its frame (<c>cigen: warning: skip marker KEY: … ; the job runs</c>).</summary>
    private static string Reason(string stderr, string key)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var frame = $"cigen: warning: skip marker {key}: ";
        if (line.StartsWith(frame, StringComparison.Ordinal))
        {
            line = line[frame.Length..];
        }

        const string tail = "; the job runs";
        line = line.EndsWith(tail, StringComparison.Ordinal) ? line[..^tail.Length] : line;
        return line.Length > 0 ? line : "no reason given";
    }
}
