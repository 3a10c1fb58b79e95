using System.Globalization;
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
    public const string LegId = "cigen_leg";

    private static readonly EmbeddedScript LegPrefixScript = new(typeof(SkippableJob).Assembly, "CIGen.Provider.GitHub.Scripts.leg-prefix.sh");

    public static IReadOnlyList<JobStep> Steps(Job job, IReadOnlyList<JobStep> steps, WorkflowSkipping skipping)
    {
        var skip = job.Skipping!;
        var choice = job.MatrixLegs.Count == 0 ? null : LegChoice.For(job);
        if (skipping.Plans)
        {
            var recorded = $"{WorkflowSkipping.HashOutput(job.Id)} != ''";
            if (choice is null)
            {
                var planned = SkipSteps.Key(skip.Markers.Single().Prefix, WorkflowSkipping.HashOutput(job.Id), skip.RefScoped ? WorkflowSkipping.RefKindOutput(job.Id) : null);
                return [.. steps, .. SkipSteps.Record(skip.Backend, planned, $"success() && {recorded}")];
            }

            var decision = WorkflowSkipping.LegDecision(job.Id, choice);
            var run = SkipSteps.NotFound(DecisionId, null);
            return
            [
                LegDecision(decision),
                .. steps.Select(s => Gated(s, run)),
                .. SkipSteps.Record(skip.Backend, $"${{{{ {decision}.marker }}}}", $"success() && {run} && {recorded}"),
            ];
        }

        var checkout = FirstCheckout(steps);
        var before = checkout < 0 ? [new ActionStep { Uses = ActionStep.Checkout }] : steps.Take(checkout + 1);
        var prefix = choice is null ? skip.Markers.Single().Prefix : $"${{{{ steps.{LegId}.outputs.prefix }}}}";
        var key = SkipSteps.Key(prefix, $"steps.{HashId}.outputs.hash", skip.RefScoped ? SkipSteps.RefKindOutput(HashId) : null);
        var runs = SkipSteps.NotFound(DecisionId, skip.Backend);
        return
        [
            .. before,
            SkipSteps.Hash(HashId, "Hash the job's inputs", skip),
            .. choice is null ? [] : new[] { LegPrefix(job, skip, choice) },
            SkipSteps.Lookup(DecisionId, "Skip when the inputs are unchanged", skip.Backend, key, SkipSteps.LookupCondition(skip, HashId)),
            .. steps.Skip(checkout + 1).Select(s => Gated(s, runs)),
            .. SkipSteps.Record(skip.Backend, key, $"success() && {runs}"),
        ];
    }

    /// <summary>
    /// Reads the plan's decision on this leg (<paramref name="decision"/>); first, so a skipped leg does not even
    /// check out. A leg the plan did not decide about runs.
    /// </summary>
    private static RunStep LegDecision(string decision) => new()
    {
        Name = "Skip this leg when its inputs are unchanged",
        Id = DecisionId,
        Env = new OrderedDictionary<string, Scalar> { ["CIGEN_SKIP"] = $"${{{{ {decision}.skip }}}}" },
        Shell = SkipSteps.Shell,
        Run = "if [ \"$CIGEN_SKIP\" = true ]; then\n"
            + "  echo \"::notice::inputs unchanged since this leg last succeeded; its steps are skipped\"\n"
            + "  echo \"skip=true\" >> \"$GITHUB_OUTPUT\"\n"
            + "fi\n",
    };

    /// <summary>Under <c>early_exit</c>, finds the running leg's marker prefix by its key (Scripts/leg-prefix.sh).</summary>
    private static RunStep LegPrefix(Job job, JobSkipping skip, LegChoice choice)
    {
        var env = new OrderedDictionary<string, Scalar>
        {
            ["CIGEN_LEG"] = $"${{{{ {choice.Expression} }}}}",
            ["CIGEN_LEGS"] = Scalar.Number(job.MatrixLegs.Count.ToString(CultureInfo.InvariantCulture)),
        };
        for (var i = 0; i < job.MatrixLegs.Count; i++)
        {
            env.Add($"CIGEN_LEG_{i + 1}_KEY", choice.Keys[i]);
            env.Add($"CIGEN_LEG_{i + 1}_PREFIX", LegChoice.MarkerOf(skip, job.MatrixLegs[i]).Prefix);
        }

        return new RunStep { Name = "Find this leg's skip marker", Id = LegId, Env = env, Shell = SkipSteps.Shell, Run = LegPrefixScript.Text };
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
