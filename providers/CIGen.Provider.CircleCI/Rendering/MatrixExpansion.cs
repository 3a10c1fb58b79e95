using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>The graph with every matrix job replaced by one job per leg, and what each matrix job became.</summary>
/// <param name="Legs">Per workflow id and matrix job id, the ids of its legs' jobs in leg order.</param>
/// <param name="Values">Per workflow id and leg job id, the leg's matrix values.</param>
internal sealed record ExpandedGraph(
    Graph Graph,
    IReadOnlyDictionary<(string Workflow, string Job), IReadOnlyList<string>> Legs,
    IReadOnlyDictionary<(string Workflow, string Job), JobMatrix> Values)
{
    /// <summary>The matrix values of a job after expansion: a leg's, or none for a job without a matrix.</summary>
    public JobMatrix MatrixOf(string workflowId, string jobId) =>
        Values.TryGetValue((workflowId, jobId), out var values) ? values : JobMatrix.None;


    /// <summary>The matrix job <paramref name="jobId"/> is a leg of; null for a job without a matrix.</summary>
    public string? MatrixJobOf(string workflowId, string jobId) =>
        Legs.FirstOrDefault(l => l.Key.Workflow == workflowId && l.Value.Contains(jobId, StringComparer.Ordinal)).Key.Job;

    /// <summary>The jobs a requirement on <paramref name="jobId"/> means: all its legs, or the job itself.</summary>
    public IReadOnlyList<string> JobsOf(string workflowId, string jobId) =>
        Legs.TryGetValue((workflowId, jobId), out var legs) ? legs : [jobId];
}

/// <summary>The matrix values of one job after expansion, as the uses of commands in its steps pass them on.</summary>
/// <param name="Names">Every name the job's matrix has, in any leg.</param>
/// <param name="Leg">The leg's own values: a name only other legs have is missing, as on GitHub.</param>
internal sealed record JobMatrix(IReadOnlySet<string> Names, IReadOnlyDictionary<string, Scalar> Leg)
{
    /// <summary>A job without a matrix: <c>matrix.X</c> is null in its conditions, as on GitHub.</summary>
    public static readonly JobMatrix None = new(new HashSet<string>(), new Dictionary<string, Scalar>());

    /// <summary>What <c>${{ matrix.X }}</c> reads: the leg's value, empty where only other legs have one; null for a name the matrix lacks.</summary>
    public string? Value(string name) => !Names.Contains(name) ? null : Leg.TryGetValue(name, out var value) ? value.Text : "";

    /// <summary>What the job's conditions know: the leg's values.</summary>
    public RunFacts Facts => new() { Matrix = Leg };
}

/// <summary>
/// CircleCI has no matrix of its own that cigen uses: each leg the core computed becomes a job
/// <c>&lt;job&gt;_&lt;suffix&gt;</c> (the suffix rule is the core's, docs/protocol.md), with <c>${{ matrix.X }}</c>
/// replaced by the leg's value in the job's name, image and environment and in each step's name, script, working
/// directory, variables and inputs (a value the leg lacks becomes empty, as on GitHub). An arm64 leg runs on the
/// <c>arm.</c> resource class of its size (<c>arm.medium</c> by default). A job that requires a matrix job requires
/// every leg; a <c>requires_any</c> alternative that is a matrix job counts once all its legs succeeded. <c>fail_fast: true</c>
/// cannot be expressed (legs are independent jobs) and is a warning. A command's steps are shared by every leg, so
/// their references, and the tests of matrix values in their conditions, become command parameters instead
/// (<see cref="CommandMatrixParameters"/>). The steps of a job without a matrix are decided with every value null.
/// </summary>
internal static partial class MatrixExpansion
{
    public const string DefaultResourceClass = "medium";
    private const string ArmPrefix = "arm.";

    public static ExpandedGraph Expand(Graph graph, DiagnosticBag diagnostics)
    {
        var legs = new Dictionary<(string, string), IReadOnlyList<string>>();
        var values = new Dictionary<(string, string), JobMatrix>();
        foreach (var workflow in graph.Workflows)
        {
            foreach (var job in workflow.Jobs.Where(j => j.MatrixLegs.Count > 0))
            {
                if (job.FailFast == true)
                {
                    diagnostics.Warning(
                        DiagnosticCodes.Ignored,
                        $"fail_fast of job `{job.Id}` has no CircleCI equivalent: its legs are separate jobs and each runs to the end; it is ignored",
                        job.Source, workflow.Id, job.Id);
                }

                legs[(workflow.Id, job.Id)] = [.. Running(job).Select(l => LegId(job, l))];
                var names = job.MatrixLegs.SelectMany(l => l.Values.Keys).ToHashSet(StringComparer.Ordinal);
                foreach (var leg in job.MatrixLegs)
                {
                    values[(workflow.Id, LegId(job, leg))] = new JobMatrix(names, leg.Values);
                }
            }
        }

        var expanded = new ExpandedGraph(graph, legs, values);
        var workflows = graph.Workflows.Select(workflow => workflow with
        {
            Jobs = [.. workflow.Jobs.SelectMany(job =>
            {
                var rewired = job with
                {
                    Needs = [.. job.Needs.SelectMany(n => expanded.JobsOf(workflow.Id, n))],
                    Architectures = [],
                    Matrix = [],
                    MatrixInclude = [],
                    MatrixExclude = [],
                    MatrixLegs = [],
                };
                return job.MatrixLegs.Count == 0
                    ? [DecideSteps(rewired, JobMatrix.None.Facts, "job")]
                    : Running(job).Select(leg => Leg(rewired, job, leg, workflow, diagnostics));
            })],
        }).ToList();
        return expanded with { Graph = graph with { Workflows = workflows } };
    }

    private static string LegId(Job job, MatrixLeg leg) => $"{job.Id}_{leg.Suffix}";

    /// <summary>
    /// The legs whose job condition can hold: a leg whose matrix values make it false is left out, as the job's leg
    /// never runs. When that leaves none, every leg stays and their filters run them nowhere, so that what requires the
    /// job does not run either.
    /// </summary>
    private static IReadOnlyList<MatrixLeg> Running(Job job)
    {
        if (Conditions.Tree(job.If, job.Condition) is not { } condition)
        {
            return job.MatrixLegs;
        }

        var running = job.MatrixLegs.Where(leg => ConditionMeaning.Decide(condition, Facts(leg)) != false).ToList();
        return running.Count > 0 ? running : job.MatrixLegs;
    }

    private static RunFacts Facts(MatrixLeg leg) => new() { Matrix = leg.Values };

    /// <summary>
    /// A condition with the leg's matrix values decided (a job without a matrix has none: <c>matrix.X</c> is null, as on
    /// GitHub); steps whose condition the leg makes false are left out. When that leaves none, one step says so: GitHub
    /// runs such a leg with every step skipped, CircleCI needs a step. The core's <see cref="Job.CheckoutIndex"/> moves
    /// with the step it names; when that step is left out, the leg has no checkout.
    /// </summary>
    private static Job DecideSteps(Job job, RunFacts facts, string what = "leg")
    {
        var decided = job.Steps.Select(step => Conditions.Tree(step.If, step.Condition) is { } condition
                ? step with { Condition = ConditionMeaning.Reduce(condition, facts) }
                : step)
            .ToList();
        var kept = Enumerable.Range(0, decided.Count)
            .Where(i => decided[i].Condition is null || !ConditionMeaning.IsFalse(decided[i].Condition!))
            .ToList();
        var checkout = job.CheckoutIndex is { } index ? kept.IndexOf(index) : -1;
        return job with
        {
            Steps = kept.Count > 0 || job.Steps.Count == 0
                ? [.. kept.Select(i => decided[i])]
                : [new RunStep { Run = $"echo \"No step's condition holds for this {what}.\"", Source = job.Source }],
            CheckoutIndex = checkout >= 0 ? checkout : null,
        };
    }

    private static Job Leg(Job job, Job original, MatrixLeg leg, Workflow workflow, DiagnosticBag diagnostics)
    {
        // The names the host guarantees (docs/protocol.md, "Matrix references resolve"): what the matrix declares, even
        // when exclude leaves no leg with it (`exclude: [{flavor: a}]` over every leg, then legs from include alone).
        var known = original.Matrix.Select(d => d.Name)
            .Concat(original.MatrixInclude.SelectMany(e => e.Keys))
            .Concat(original.Architectures.Count > 0 ? ["arch"] : [])
            .ToHashSet(StringComparer.Ordinal);
        string Replacement(string name, string reference, SourceLocation source)
        {
            if (leg.Values.TryGetValue(name, out var value))
            {
                return value.Text;
            }

            // A value the leg does not have (from include, or one exclude took from every leg) is empty, as on GitHub.
            if (!known.Contains(name))
            {
                throw InvalidGraphException.Broken(
                    $"every ${{{{ matrix.X }}}} names a value of its job's matrix, but `{reference}` in job '{original.Id}' of workflow '{workflow.Id}' does not", source);
            }

            return "";
        }

        var arm = leg.Values.TryGetValue("arch", out var arch) && arch.Text == "arm64";
        var decided = DecideSteps(job, Facts(leg));
        return decided with
        {
            Id = LegId(original, leg),
            Name = Replace(job.Name, (n, r) => Replacement(n, r, job.Source)),
            Image = Replace(job.Image, (n, r) => Replacement(n, r, job.Source)),
            Env = Replace(job.Env, (n, r) => Replacement(n, r, job.Source)),
            Condition = Conditions.Tree(job.If, job.Condition) is { } condition ? ConditionMeaning.Reduce(condition, Facts(leg)) : null,
            Steps = [.. decided.Steps.Select(s => Replace(s, (n, r) => Replacement(n, r, s.Source)))],
            Runner = arm ? ArmRunner(job.Runner) : job.Runner,
            // Each leg is a job of its own on CircleCI, skipped by its own marker.
            Skipping = job.Skipping is { } skipping ? skipping with { Markers = [.. skipping.Markers.Where(m => m.Leg == leg.Suffix)] } : null,
        };
    }

    /// <summary>The arm64 resource class of the job's size: <c>large</c> → <c>arm.large</c>, none → <c>arm.medium</c>.</summary>
    private static RunnerSelection ArmRunner(RunnerSelection? runner)
    {
        var size = runner?.ResourceClass ?? DefaultResourceClass;
        return (runner ?? new RunnerSelection()) with { ResourceClass = size.StartsWith(ArmPrefix, StringComparison.Ordinal) ? size : ArmPrefix + size };
    }

    /// <summary>The matrix names <paramref name="step"/> refers to, in the order of its fields and of the text.</summary>
    public static IEnumerable<string> References(Step step) =>
        StepTexts.Of(step).Prepend(step.Name)
            .SelectMany(text => text is null ? [] : MatrixReference().Matches(text).Select(m => m.Groups["name"].Value));

    /// <summary>
    /// The step with each <c>${{ matrix.X }}</c> of its name, script, working directory, variables and inputs replaced,
    /// and each matrix part of its cache keys and of its key values' joined parts replaced by a literal part.
    /// </summary>
    /// <param name="replacement">The text for a reference, from the matrix name and the reference as written.</param>
    public static Step Replace(Step step, Func<string, string, string> replacement)
    {
        Step own = step switch
        {
            RunStep run => run with { Run = Replace(run.Run, replacement)!, WorkingDirectory = Replace(run.WorkingDirectory, replacement) },
            UsesStep uses => uses with { With = Replace(uses.With, replacement) },
            RestoreCacheStep restore => restore with { CacheKeys = [.. restore.CacheKeys.Select(k => Replace(k, replacement))] },
            SaveCacheStep save => save with { CacheKey = Replace(save.CacheKey, replacement) },
            KeyValuesStep keyValues => keyValues with
            {
                KeyValues = [.. keyValues.KeyValues.Select(v => v is KeyValue.Join join ? join with { Parts = Replace(join.Parts, replacement) } : v)],
            },
            _ => step,
        };
        return own with { Name = Replace(step.Name, replacement), Env = Replace(step.Env, replacement) };
    }

    private static CacheKey Replace(CacheKey key, Func<string, string, string> replacement) =>
        key.Parts.Any(p => p is KeyPart.Matrix) ? key with { Parts = Replace(key.Parts, replacement) } : key;

    /// <summary>The parts with each matrix part replaced by a literal of the leg's value (a key's, or a key value's that joins parts).</summary>
    private static IReadOnlyList<KeyPart> Replace(IReadOnlyList<KeyPart> parts, Func<string, string, string> replacement) =>
        [.. parts.Select(p => p is KeyPart.Matrix { Name: var name }
            ? new KeyPart.Literal(replacement(name, $"${{{{ matrix.{name} }}}}"))
            : p)];

    private static string? Replace(string? text, Func<string, string, string> replacement) =>
        text is null ? null : MatrixReference().Replace(text, match => replacement(match.Groups["name"].Value, match.Value));

    private static OrderedDictionary<string, Scalar> Replace(OrderedDictionary<string, Scalar> values, Func<string, string, string> replacement)
    {
        var result = new OrderedDictionary<string, Scalar>(values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var text = Replace(value.Text, replacement)!;
            result.Add(key, text == value.Text ? value : Scalar.String(text));
        }

        return result;
    }

    [GeneratedRegex(@"\$\{\{\s*matrix\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex MatrixReference();
}
