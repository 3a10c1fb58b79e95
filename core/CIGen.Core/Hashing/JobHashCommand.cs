using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Hashing;

/// <summary>
/// <c>cigen hash --job WORKFLOW/JOB [--explain]</c>. Stdout is for scripts: the bare hex <c>JOB_HASH</c> and a newline;
/// with <c>--explain</c>, first the exact <c>sha256sum</c> listing that is hashed (one line per input file, byte
/// order), then <c>JOB_HASH &lt;hex&gt;</c>. Notes go to stderr.
/// </summary>
public static class JobHashCommand
{
    public static int Run(CommandConsole console, string? configPath, string jobReference, bool explain)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(jobReference);
        var (config, exitCode) = ConfigStage.Load(console, configPath);
        if (config is null)
        {
            return exitCode;
        }

        if (Find(config.Graph, jobReference) is not var (job, leg))
        {
            var known = config.Graph.Workflows.SelectMany(w => w.Jobs.Select(j => $"{w.Id}/{j.Id}")).Order(StringComparer.Ordinal).ToList();
            // "test" for "ci/test": the workflow left out.
            var match = known.FirstOrDefault(k => k.EndsWith("/" + jobReference, StringComparison.Ordinal)) ?? Suggestions.Closest(jobReference, known);
            var hint = match is null ? "" : $"did you mean `{match}`? ";
            console.Error.WriteLine(
                $"error {GenerationCodes.UnknownJob}: unknown job `{jobReference}`; {hint}pass --job WORKFLOW/JOB, one of: {string.Join(", ", known)}");
            return ExitCodes.ConfigInvalid;
        }

        if (leg is not null)
        {
            var values = string.Join(", ", leg.Values.Select(v => $"{v.Key}: {v.Value.Text}"));
            console.Error.WriteLine($"note: {jobReference} is the leg `{values}` of job {jobReference[..jobReference.IndexOf('/', StringComparison.Ordinal)]}/{job.Id}; every leg of a job has the job's hash.");
        }

        if (job.SourceFiles.Count == 0)
        {
            console.Error.WriteLine($"note: {jobReference} has no source_files, so it is never skipped; this hash covers its definition files only.");
        }
        else if (!job.Skip)
        {
            console.Error.WriteLine($"note: {jobReference} sets skip: false, so it is never skipped.");
        }

        JobHash hash;
        try
        {
            hash = JobHash.Compute(config.Location.Root, job);
        }
        catch (FileNotFoundException missing)
        {
            // Only when a config file vanished after loading: the hash script fails the same way.
            console.Error.WriteLine($"error: {missing.Message}");
            return ExitCodes.ConfigInvalid;
        }

        if (!explain)
        {
            console.Out.WriteLine(hash.Value);
            return ExitCodes.Success;
        }

        foreach (var file in hash.Files)
        {
            console.Out.Write(file.SumLine);
        }

        console.Out.WriteLine($"JOB_HASH {hash.Value}");
        return ExitCodes.Success;
    }

    /// <summary>The job named <c>WORKFLOW/JOB</c>, else the matrix leg named <c>WORKFLOW/JOB_SUFFIX</c> (with its job); null when neither exists.</summary>
    private static (Job Job, MatrixLeg? Leg)? Find(Graph graph, string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || graph.Workflows.FirstOrDefault(w => w.Id == reference[..slash]) is not { } workflow)
        {
            return null;
        }

        var name = reference[(slash + 1)..];
        if (workflow.Jobs.FirstOrDefault(j => j.Id == name) is { } job)
        {
            return (job, null);
        }

        foreach (var candidate in workflow.Jobs)
        {
            if (candidate.MatrixLegs.FirstOrDefault(l => $"{candidate.Id}_{l.Suffix}" == name) is { } leg)
            {
                return (candidate, leg);
            }
        }

        return null;
    }
}
