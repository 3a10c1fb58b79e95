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
            Print(console, config.Location.Root, workflows, config.Graph.Runners, new MarkerProbe(getEnvironment ?? Environment.GetEnvironmentVariable));
        }
        catch (FileNotFoundException missing)
        {
            // Only when a config file vanished after loading: the hash script fails the same way.
            console.Error.WriteLine($"error: {missing.Message}");
            return ExitCodes.ConfigInvalid;
        }

        return ExitCodes.Success;
    }

    private static void Print(CommandConsole console, string root, IReadOnlyList<Workflow> workflows, IReadOnlyList<RunnerProfile> runners, MarkerProbe probe)
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
                    // A ref-scoped marker names the kind of ref; a local preview is of the next branch run.
                    var key = skipping.RefScoped ? $"{marker.Prefix}{RefKindScript.Branch}/{hash}" : marker.Prefix + hash;
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
}
