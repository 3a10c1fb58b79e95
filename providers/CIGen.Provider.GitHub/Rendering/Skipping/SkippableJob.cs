using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// The steps skipping adds to a skippable job. A job the plan job decides about needs only the record step at its end:
/// its job-level <c>if</c> keeps a skipped job from starting, and the plan leaves a matrix job's skipped legs out of its
/// matrix. Every job under <c>early_exit</c> first decides (step <see cref="DecisionId"/>) and runs every later step
/// only when the marker was not found.
/// </summary>
internal static class SkippableJob
{
    public const string DecisionId = "cigen_skip";
    public const string HashId = "cigen_hash";

    /// <summary>The hash step's output naming the marker, under <c>early_exit</c>.</summary>
    public const string MarkerOutput = "marker";

    /// <summary>
    /// The job's steps with skipping's. Under <c>early_exit</c> the hash goes right after the job's checkout (the core's
    /// <see cref="Job.CheckoutIndex"/>, <see cref="RenderedSteps.ThroughCheckout"/>); a job without one gets a checkout
    /// of its own first: hashing an empty directory would give one hash forever.
    /// </summary>
    public static IReadOnlyList<JobStep> Steps(Job job, RenderedSteps rendered, WorkflowSkipping skipping)
    {
        var steps = rendered.Steps;
        var skip = job.Skipping!;
        var choice = job.MatrixLegs.Count == 0 ? null : LegChoice.For(job);
        if (skipping.Plans)
        {
            if (choice is null)
            {
                var planned = WorkflowSkipping.MarkerOutput(job.Id);
                // An empty marker (the plan did not look the job up) records nothing: the action's own condition.
                return [.. steps, .. SkipSteps.Record(skip.Backend, $"${{{{ {planned} }}}}", condition: null)];
            }

            // The plan left the skipped legs out of the matrix (MatrixRenderer), so every leg that starts runs, and a leg
            // starts only after the plan decided (an empty marker, were it not so, is the runtime's warning, not an error).
            var marker = WorkflowSkipping.LegMarker(job.Id, choice);
            return [.. steps, .. SkipSteps.Record(skip.Backend, $"${{{{ {marker} }}}}", condition: null)];
        }

        var through = rendered.ThroughCheckout ?? 0;
        var before = rendered.ThroughCheckout is null ? [new ActionStep { Uses = ActionStep.Checkout }] : steps.Take(through);
        var spec = new RuntimeSpec().Job(job.Id, skip).ToString() + MarkerRecord(job, skip, choice);
        var key = $"${{{{ {RuntimeAction.Value(HashId, MarkerOutput)} }}}}";
        var native = SkipSteps.IsNative(skip.Backend);
        var runs = SkipSteps.NotFound(skip.Backend, HashId, MarkerOutput, DecisionId);
        return
        [
            .. before,
            SkipSteps.Hash(HashId, "Hash the job's inputs", spec, skip.Backend, skip.Markers),
            .. native ? [SkipSteps.NativeLookup(DecisionId, "Skip when the inputs are unchanged", key, SkipSteps.LookupCondition(skip, HashId, job.Id))] : Array.Empty<JobStep>(),
            .. steps.Skip(through).Select(s => Gated(s, runs)),
            .. SkipSteps.Record(skip.Backend, key, $"success() && {runs}"),
        ];
    }

    /// <summary>
    /// The hash step's <c>marker</c> record. A matrix leg finds its marker's prefix by its key in a JSON object of
    /// every leg's, written into the expression (no key: no prefix, and the runtime fails the step rather than guess).
    /// </summary>
    private static string MarkerRecord(Job job, JobSkipping skip, LegChoice? choice)
    {
        if (choice is null)
        {
            return new RuntimeSpec().Marker(MarkerOutput, skip.Markers.Single().Prefix).ToString();
        }

        // One leg a line, so that the line stays short whatever the number of legs: GitHub's expressions, and the string
        // literals in them, may span lines, and JSON reads the line breaks as spaces.
        var legs = job.MatrixLegs.Select((leg, i) => $"{JsonString(choice.Keys[i])}: {JsonString(ShellWords.Quote(LegChoice.MarkerOf(skip, leg).Prefix))}");
        var json = "{\n" + string.Join(",\n", legs) + "\n}";
        return $"marker {MarkerOutput} ${{{{ fromJSON({LegChoice.Quote(json)})[{choice.Expression}] }}}}\n";
    }

    private static string JsonString(string text)
    {
        var json = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private static JobStep Gated(JobStep step, string runs) => step with { If = Conditions.Both(runs, step.If) };
}
