using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Core.Hashing;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// <c>cigen plan [--workflow W]</c>: what CI would do with each job now. One aligned line per job, or per leg of a
/// matrix job (legs have their own markers): <c>WORKFLOW/JOB[_LEG]  JOB_HASH  VERDICT</c>, in config order. The hash
/// is computed here; markers are looked up through the generated lookup script when the backend can be asked from
/// this machine (<see cref="MarkerProbe"/>). Stdout holds the table only; a preview always exits 0.
/// </summary>
public static class PlanCommand
{
    public static int Run(CommandConsole console, string? configPath, string? workflowId, Func<string, string?>? getEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (config, exitCode) = ConfigStage.Load(console, configPath);
        if (config is null)
        {
            return exitCode;
        }

        var workflows = config.Graph.Workflows;
        if (workflowId is not null)
        {
            workflows = [.. workflows.Where(w => w.Id == workflowId)];
            if (workflows.Count == 0)
            {
                var known = config.Graph.Workflows.Select(w => w.Id).ToList();
                console.Error.WriteLine(
                    $"error {GenerationCodes.UnknownWorkflow}: unknown workflow `{workflowId}`{Suggestions.DidYouMean(workflowId, known)}; pass --workflow with one of: {string.Join(", ", known)}");
                return ExitCodes.ConfigInvalid;
            }
        }

        try
        {
            var environment = getEnvironment ?? Environment.GetEnvironmentVariable;
            // git is asked only when a job's marker names the branch.
            var branch = new Lazy<string?>(() => environment("CIGEN_BRANCH") is { Length: > 0 } named ? named : CurrentBranch(config.Location.Root));
            Print(console, config.Location.Root, workflows, config.Graph.Runners, new MarkerProbe(environment), branch);
        }
        catch (FileNotFoundException missing)
        {
            // Only when a config file vanished after loading: the hash script fails the same way.
            console.Error.WriteLine($"error: {missing.Message}");
            return ExitCodes.ConfigInvalid;
        }

        return ExitCodes.Success;
    }

    /// <param name="branch">The branch a preview is of, for markers that carry the ref's name; null when unknown.</param>
    private static void Print(CommandConsole console, string root, IReadOnlyList<Workflow> workflows, IReadOnlyList<RunnerProfile> runners, MarkerProbe probe, Lazy<string?> branch)
    {
        var rows = new List<(string Name, string Hash, string Verdict)>();
        foreach (var workflow in workflows)
        {
            foreach (var job in workflow.Jobs)
            {
                var hash = JobHash.Compute(root, job).Value;
                if (job.Skipping is not { } skipping)
                {
                    rows.Add(($"{workflow.Id}/{job.Id}", hash, $"run (never skipped: {JobSkippings.WhyNotSkippable(job, runners)})"));
                    continue;
                }

                foreach (var marker in skipping.Markers)
                {
                    var name = marker.Leg is null ? $"{workflow.Id}/{job.Id}" : $"{workflow.Id}/{job.Id}_{marker.Leg}";
                    // A ref-scoped marker names the kind of ref (and, for a job reading it, the ref's name); a local
                    // preview is of the next run of the current branch.
                    var namesBranch = skipping.RefScope == SkipRefScope.Name;
                    if (namesBranch && branch.Value is null)
                    {
                        rows.Add((name, hash, "unknown (its marker names the branch; set CIGEN_BRANCH to preview a branch's run)"));
                        continue;
                    }

                    var refKind = namesBranch ? $"{RefKind.Branch}-{RefKind.NameDigest(branch.Value!)}" : RefKind.Branch;
                    var key = skipping.RefScope != SkipRefScope.None ? $"{marker.Prefix}{refKind}/{hash}" : marker.Prefix + hash;
                    rows.Add((name, hash, probe.Verdict(skipping.Backend, key)));
                }
            }
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
        foreach (var (name, hash, verdict) in rows)
        {
            console.Out.WriteLine($"{name.PadRight(width)}  {hash}  {verdict}");
        }
    }

    /// <summary>The checked-out branch, as <c>git symbolic-ref --short HEAD</c> says; null when git cannot say (detached, no git).</summary>
    private static string? CurrentBranch(string root)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("git", ["symbolic-ref", "--short", "-q", "HEAD"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = System.Diagnostics.Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
