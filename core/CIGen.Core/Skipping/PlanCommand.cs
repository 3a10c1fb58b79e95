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

        var probe = new MarkerProbe(getEnvironment ?? Environment.GetEnvironmentVariable);
        var rows = new List<(string Name, string Hash, string Verdict)>();
        foreach (var workflow in workflows)
        {
            foreach (var job in workflow.Jobs)
            {
                var hash = JobHash.Compute(config.Location.Root, job).Value;
                if (job.Skipping is not { } skipping)
                {
                    rows.Add(($"{workflow.Id}/{job.Id}", hash, $"run (never skipped: {JobSkippings.WhyNotSkippable(job)})"));
                    continue;
                }

                foreach (var marker in skipping.Markers)
                {
                    var name = marker.Leg is null ? $"{workflow.Id}/{job.Id}" : $"{workflow.Id}/{job.Id}_{marker.Leg}";
                    rows.Add((name, hash, probe.Verdict(skipping.Backend, marker.Prefix + hash)));
                }
            }
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
        foreach (var (name, hash, verdict) in rows)
        {
            console.Out.WriteLine($"{name.PadRight(width)}  {hash}  {verdict}");
        }

        return ExitCodes.Success;
    }
}
