using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>One job of one workflow, as rendered, waiting for its CircleCI name.</summary>
/// <param name="Definition">Null for an approval job, which has no entry under <c>jobs:</c>.</param>
internal sealed record JobCandidate(Workflow Workflow, Job Job, JobDefinition? Definition, Scope Scope)
{
    /// <summary>What the job is, to tell whether two workflows mean the same job by one id.</summary>
    public string Identity { get; } = Definition?.Text() ?? "type: approval";
}

/// <summary>
/// Names the jobs of all workflows, which share one <c>jobs:</c> map in a CircleCI config (and CircleCI compares job
/// names ignoring case). The rule:
/// <list type="number">
/// <item>A job keeps its id when no job of another workflow has the same id (ignoring case) with a different
/// definition. Workflows whose jobs of one id render identically share that one job definition.</item>
/// <item>Otherwise every job of that id, in every workflow, is named <c>&lt;workflow&gt;_&lt;job&gt;</c> — all of them, not
/// only the later ones, so a name never depends on the order of workflows.</item>
/// <item>A name CircleCI rejects (it must start with a letter and hold only letters, digits, <c>_</c> and <c>-</c>),
/// or a <c>&lt;workflow&gt;_&lt;job&gt;</c> name that another job already has, is an error asking for a rename.</item>
/// </list>
/// A job's definition includes its workflow's variables, so one job file in two workflows with different <c>env</c>
/// gives two jobs. Approval jobs take part under the same rule.
/// </summary>
internal static partial class JobNames
{
    /// <returns>The name of every candidate, in the candidates' order.</returns>
    public static IReadOnlyList<string> Assign(IReadOnlyList<JobCandidate> candidates)
    {
        var names = candidates.Select(c => Clashes(c, candidates) ? $"{c.Workflow.Id}_{c.Job.Id}" : c.Job.Id).ToList();
        var taken = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var renamed = names[i] != candidate.Job.Id;
            var why = renamed
                ? $" (its workflow's id before its own, because workflows define different jobs `{candidate.Job.Id}`)"
                : "";
            if (!ValidName().IsMatch(names[i]))
            {
                candidate.Scope.Error(
                    DiagnosticCodes.InvalidName,
                    $"{candidate.Scope.Description} gets the CircleCI job name `{names[i]}`{why}, which CircleCI rejects: job names start with "
                    + $"a letter and hold only letters, digits, `_` and `-`; rename the {(renamed ? "job or the workflow" : "job")}",
                    candidate.Job.Source);
                continue;
            }

            if (!taken.TryGetValue(names[i], out var first))
            {
                taken[names[i]] = i;
            }
            else if (names[first] != names[i] || candidates[first].Identity != candidate.Identity)
            {
                candidate.Scope.Error(
                    DiagnosticCodes.InvalidName,
                    $"{candidate.Scope.Description} gets the CircleCI job name `{names[i]}`{why}, but {candidates[first].Scope.Description} "
                    + $"is named `{names[first]}`, and CircleCI job names must differ ignoring case; rename one of them",
                    candidate.Job.Source);
            }
        }

        return names;
    }

    /// <summary>True when another workflow defines a different job under the same id, ignoring case.</summary>
    private static bool Clashes(JobCandidate candidate, IReadOnlyList<JobCandidate> all) =>
        all.Any(other => other.Workflow.Id != candidate.Workflow.Id
            && string.Equals(other.Job.Id, candidate.Job.Id, StringComparison.OrdinalIgnoreCase)
            && (other.Job.Id != candidate.Job.Id || other.Identity != candidate.Identity));

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
