using System.Text.Json.Nodes;

namespace CIGen.Testing.Validation;

/// <summary>
/// shellcheck on run scripts, with the settings actionlint uses: the script's shell dialect, no rc file, and the
/// checks that cannot hold for CI scripts left out (SC1091 sourced files absent, SC2194/SC2050/SC2157 constant words
/// from replaced <c>${{ }}</c>, SC2154 variables that come from <c>env:</c>).
/// </summary>
public static class Shellcheck
{
    private const string ExcludedChecks = "SC1091,SC2194,SC2050,SC2154,SC2157";

    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<RunScript> scripts)
    {
        var findings = new List<ValidationFinding>();
        var checkable = scripts.Select(s => (Script: s, Dialect: Dialect(s.Shell))).Where(s => s.Dialect is not null).ToList();
        if (checkable.Count == 0)
        {
            return findings;
        }

        var shellcheck = ToolProcess.FindOnPath("shellcheck")
            ?? throw new InvalidOperationException(
                "shellcheck is not on PATH. Install it: `apt-get install -y shellcheck` (Debian/Ubuntu) — the tests check every run: script with it.");

        var directory = Directory.CreateTempSubdirectory("cigen-shellcheck-");
        try
        {
            foreach (var group in checkable.Select((s, i) => (s.Script, s.Dialect, File: $"script{i}.sh")).GroupBy(s => s.Dialect!))
            {
                var byFile = group.ToDictionary(s => s.File, s => s.Script);
                foreach (var (name, script) in byFile)
                {
                    File.WriteAllText(Path.Combine(directory.FullName, name), RunScripts.WithoutExpressions(script.Script));
                }

                var result = ToolProcess.Run(
                    shellcheck,
                    ["--norc", "-f", "json1", "-s", group.Key, "-e", ExcludedChecks, .. byFile.Keys.Order(StringComparer.Ordinal)],
                    directory.FullName,
                    standardInput: null,
                    TimeSpan.FromSeconds(60));
                if (result.ExitCode is not (0 or 1))
                {
                    throw new InvalidOperationException($"shellcheck failed (exit {result.ExitCode}):\n{result.StandardError}");
                }

                foreach (var comment in JsonNode.Parse(result.StandardOutput)!["comments"]!.AsArray())
                {
                    var script = byFile[(string)comment!["file"]!];
                    var line = (int)comment["line"]!;
                    findings.Add(new ValidationFinding(
                        "shellcheck",
                        script.Path,
                        script.FirstLine + line - 1,
                        script.Column + (int)comment["column"]! - 1,
                        (string)comment["level"]!,
                        $"SC{(int)comment["code"]!}: {(string)comment["message"]!} (job {script.Job}, step {script.Step}, script line {line})"));
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return findings;
    }

    /// <summary>shellcheck's dialect for a GitHub shell, or null when it is not a POSIX shell (pwsh, python, …).</summary>
    private static string? Dialect(string shell)
    {
        var program = shell.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "bash";
        return program switch
        {
            "bash" => "bash",
            "sh" => "sh",
            _ => null,
        };
    }
}
