using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The steps skipping adds to a skippable job. A job the plan job decides about as a whole needs only the record step
/// at its end (its job-level <c>if</c> keeps a skipped job from starting). A matrix leg, which a job-level <c>if</c>
/// cannot tell apart, and every job under <c>early_exit</c>, first decide (step <see cref="DecisionId"/>) and run
/// every later step only when the marker was not found.
/// </summary>
internal static class SkippableJob
{
    public const string DecisionId = "cigen_skip";
    public const string HashId = "cigen_hash";

    public static IReadOnlyList<JobStep> Steps(Job job, IReadOnlyList<JobStep> steps, WorkflowSkipping skipping)
    {
        var skip = job.Skipping!;
        if (skipping.Plans)
        {
            var planned = SkipSteps.Key(Prefix(job, skip), WorkflowSkipping.HashOutput(job.Id), skip.RefScoped ? WorkflowSkipping.RefKindOutput(job.Id) : null);
            var recorded = $"{WorkflowSkipping.HashOutput(job.Id)} != ''";
            if (job.MatrixLegs.Count == 0)
            {
                return [.. steps, .. SkipSteps.Record(skip.Backend, planned, $"success() && {recorded}")];
            }

            var run = SkipSteps.NotFound(DecisionId, null);
            return [LegDecision(job), .. steps.Select(s => Gated(s, run)), .. SkipSteps.Record(skip.Backend, planned, $"success() && {run} && {recorded}")];
        }

        var checkout = FirstCheckout(steps);
        var before = checkout < 0 ? [new ActionStep { Uses = ActionStep.Checkout }] : steps.Take(checkout + 1);
        var key = SkipSteps.Key(Prefix(job, skip), $"steps.{HashId}.outputs.hash", skip.RefScoped ? SkipSteps.RefKindOutput(HashId) : null);
        var runs = SkipSteps.NotFound(DecisionId, skip.Backend);
        return
        [
            .. before,
            SkipSteps.Hash(HashId, "Hash the job's inputs", skip),
            SkipSteps.Lookup(DecisionId, "Skip when the inputs are unchanged", skip.Backend, key, SkipSteps.LookupCondition(skip, HashId)),
            .. steps.Skip(checkout + 1).Select(s => Gated(s, runs)),
            .. SkipSteps.Record(skip.Backend, key, $"success() && {runs}"),
        ];
    }

    /// <summary>The marker's prefix: the only one, or, for a matrix job, the leg's, chosen at run time.</summary>
    private static string Prefix(Job job, JobSkipping skip) =>
        job.MatrixLegs.Count == 0 ? skip.Markers.Single().Prefix : LegChoice.Prefix(job, skip);

    /// <summary>Looks the leg up in the plan's list of legs to skip; first, so a skipped leg does not even check out.</summary>
    private static RunStep LegDecision(Job job)
    {
        var leg = LegChoice.Expression(job, l => l.Suffix);
        return new RunStep
        {
            Name = "Skip this leg when its inputs are unchanged",
            Id = DecisionId,
            Env = new OrderedDictionary<string, Scalar>
            {
                ["CIGEN_SKIP"] = $"${{{{ contains(fromJSON({WorkflowSkipping.SkippedLegsOutput(job.Id)}), {leg}) }}}}",
            },
            Shell = SkipSteps.Shell,
            Run = "if [ \"$CIGEN_SKIP\" = true ]; then\n"
                + "  echo \"::notice::inputs unchanged since this leg last succeeded; its steps are skipped\"\n"
                + "  echo \"skip=true\" >> \"$GITHUB_OUTPUT\"\n"
                + "fi\n",
        };
    }

    private static JobStep Gated(JobStep step, string runs) => step with { If = Conditions.Both(runs, step.If) };

    private static int FirstCheckout(IReadOnlyList<JobStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is ActionStep { Uses: var uses } && uses.StartsWith("actions/checkout@", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
