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

    /// <param name="withoutPlaceholders">
    /// Replaces the platform's template placeholders by same-length words shellcheck can read; GitHub's
    /// <c>${{ }}</c> (<see cref="RunScripts.WithoutExpressions"/>) unless given.
    /// </param>
    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<RunScript> scripts, Func<string, string>? withoutPlaceholders = null)
    {
        withoutPlaceholders ??= RunScripts.WithoutExpressions;
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
            // Generated files repeat the same scripts many times (the runtime cigen adds to every job): each distinct
            // text is checked once, and its findings reported at every place it occurs.
            var distinct = checkable
                .GroupBy(s => (Dialect: s.Dialect!, Text: withoutPlaceholders(s.Script.Script)))
                .Select((g, i) => (g.Key.Dialect, g.Key.Text, File: $"script{i}.sh", Places: g.Select(s => s.Script).ToList()));
            foreach (var group in distinct.GroupBy(s => s.Dialect))
            {
                var byFile = group.ToDictionary(s => s.File);
                foreach (var (name, script) in byFile)
                {
                    File.WriteAllText(Path.Combine(directory.FullName, name), script.Text);
                }

                var result = ToolProcess.Run(
                    shellcheck,
                    ["--norc", "-f", "json1", "-s", group.Key, "-e", ExcludedChecks, .. byFile.Keys.Order(StringComparer.Ordinal)],
                    directory.FullName,
                    standardInput: null,
                    TimeSpan.FromSeconds(120));
                if (result.ExitCode is not (0 or 1))
                {
                    throw new InvalidOperationException($"shellcheck failed (exit {result.ExitCode}):\n{result.StandardError}");
                }

                foreach (var comment in JsonNode.Parse(result.StandardOutput)!["comments"]!.AsArray())
                {
                    var line = (int)comment!["line"]!;
                    foreach (var script in byFile[(string)comment["file"]!].Places)
                    {
                        findings.Add(new ValidationFinding(
                            "shellcheck",
                            script.Path,
                            script.FirstLine + line - 1,
                            script.Column + (int)comment["column"]! - 1,
                            (string)comment["level"]!,
                            $"SC{(int)comment["code"]!}: {(string)comment["message"]!} ({script.Where}, step {script.Step}, script line {line})"));
                    }
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return findings;
    }

    /// <summary>
    /// shellcheck's dialect for a step's shell — a GitHub name (<c>bash</c>, <c>bash -e {0}</c>) or a CircleCI command
    /// line (<c>/bin/bash -eo pipefail</c>) — or null when it is not a POSIX shell (pwsh, python, …).
    /// </summary>
    private static string? Dialect(string shell)
    {
        var program = Path.GetFileName(shell.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "bash");
        return program switch
        {
            "bash" => "bash",
            "sh" => "sh",
            _ => null,
        };
    }
}
