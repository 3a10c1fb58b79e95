using CIGen.Provider.Sdk;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Turns a job's steps into GitHub steps: commands expanded in place, every step keeping its name, id, <c>if</c> and
/// <c>env</c> in all spellings. The automatic checkout is already a step of the graph (the host adds it).
/// </summary>
internal sealed class StepRenderer(Graph graph, DiagnosticBag diagnostics, string workflowId, string jobId, ConditionRenderer conditions)
{
    public RenderedSteps Render(Job job)
    {
        // Each graph step expanded on its own, so that the steps the host's checkout (Job.CheckoutIndex) became are known.
        var groups = job.Steps.Select(s => Expand([s], [])).ToList();
        var expanded = groups.SelectMany(g => g).ToList();
        var caches = new CacheStepRenderer(expanded, job.MatrixLegs, diagnostics, workflowId, jobId, conditions);
        var steps = new List<JobStep>();
        var starts = new List<int>();
        int? throughCheckout = null;
        for (var i = 0; i < groups.Count; i++)
        {
            var before = steps.Count;
            starts.Add(before);
            steps.AddRange(groups[i].Select(s => Map(s, caches)).OfType<JobStep>());
            if (i == job.CheckoutIndex && steps.Count > before)
            {
                throughCheckout = steps.Count;
            }
        }

        starts.Add(steps.Count);
        return new RenderedSteps(steps, throughCheckout, Setup(job, starts));
    }

    private static readonly string[] SetupKinds = [StepKind.SetupPackage, StepKind.KeyValues, StepKind.RestoreCache];

    /// <summary>
    /// The setup the host added after the checkout: from the first setup_package, key_values or restore_cache step to
    /// the last one with only runs between (the tool's prepare runs); then how many of the runs right after it the host
    /// added for packages (<see cref="Step.Package"/> set: the installs), which the user's steps follow. Each graph step
    /// maps to its rendered steps through <paramref name="starts"/> (step i became starts[i]..starts[i+1]).
    /// </summary>
    private static SetupSpan? Setup(Job job, List<int> starts)
    {
        if (job.CheckoutIndex is not { } checkout)
        {
            return null;
        }

        var from = checkout + 1;
        if (from >= job.Steps.Count || !SetupKinds.Contains(job.Steps[from].Kind))
        {
            return null;
        }

        var last = from;
        for (var i = from; i < job.Steps.Count && (SetupKinds.Contains(job.Steps[i].Kind) || job.Steps[i].Kind == StepKind.Run); i++)
        {
            if (SetupKinds.Contains(job.Steps[i].Kind))
            {
                last = i;
            }
        }

        var installs = job.Steps.Skip(last + 1).TakeWhile(s => s is { Kind: StepKind.Run, Package: not null }).Count();
        var saves = Enumerable.Range(last + 1, job.Steps.Count - last - 1).Where(i => job.Steps[i].Kind == StepKind.SaveCache && starts[i + 1] > starts[i]).Select(i => starts[i]).ToList();
        var packages = job.Steps.Skip(from).Take(last - from + 1).Where(s => s.Kind == StepKind.SetupPackage).Select(s => s.Package!.Name).ToList();
        return new SetupSpan(starts[from], starts[last + 1] - starts[from], saves, packages, starts[last + 1 + installs] - starts[last + 1]);
    }

    /// <summary>Replaces every command step by the command's steps (recursively), combined with the command step.</summary>
    private List<Step> Expand(IReadOnlyList<Step> steps, IReadOnlyList<string> commandStack)
    {
        var result = new List<Step>();
        foreach (var step in steps)
        {
            if (step.Kind != StepKind.Command)
            {
                result.Add(step);
                continue;
            }

            // Guards, not checks: the host guarantees both (docs/protocol.md §6); either broken would crash the expansion.
            var command = graph.Commands.FirstOrDefault(c => c.Name == step.Command)
                ?? throw InvalidGraphException.Broken($"every command step names a command of the graph, but '{step.Command}' is none", step.Source);
            if (commandStack.Contains(command.Name))
            {
                throw InvalidGraphException.Broken(
                    $"commands do not use themselves, but {string.Join(" → ", commandStack.Append(command.Name))}", step.Source);
            }

            var inner = Expand(command.Steps, [.. commandStack, command.Name]);
            if (step.Id is not null)
            {
                if (inner.Count == 1 && inner[0].Id is null)
                {
                    inner[0] = inner[0] with { Id = step.Id };
                }
                else
                {
                    diagnostics.Error(
                        DiagnosticCodes.InvalidStep,
                        $"id '{step.Id}' on command step '{command.Name}' needs a command of exactly one step without an id of its own; "
                        + "give the id to a step inside the command instead",
                        step.Source, workflowId, jobId);
                }
            }

            result.AddRange(inner.Select(s => WithinCommandStep(step, s)));
        }

        return result;
    }

    /// <summary>
    /// A step of a command used by <paramref name="use"/>: its own name, else the command step's; both conditions
    /// (<see cref="Conditions.Both"/>); the command's env overridden by the command step's (the call site decides);
    /// the command step's shell and working directory for run steps that set none.
    /// </summary>
    private Step WithinCommandStep(Step use, Step inner) => inner with
    {
        Name = inner.Name ?? use.Name,
        If = Conditions.Both(conditions.Text(use.If, use.Condition), conditions.Text(inner.If, inner.Condition)),
        Condition = null,
        // References are spelled before the overlay: a literal of the call site may replace a reference of the command.
        Env = Overlay(EnvValues.Render(inner.Env, inner.EnvReferences), EnvValues.Render(use.Env, use.EnvReferences)),
        EnvReferences = [],
        Shell = inner.Kind == StepKind.Run ? inner.Shell ?? use.Shell : inner.Shell,
        WorkingDirectory = inner.Kind == StepKind.Run ? inner.WorkingDirectory ?? use.WorkingDirectory : inner.WorkingDirectory,
    };

    private static OrderedDictionary<string, Scalar> Overlay(OrderedDictionary<string, Scalar> under, OrderedDictionary<string, Scalar> over)
    {
        var result = new OrderedDictionary<string, Scalar>(under);
        foreach (var (key, value) in over)
        {
            result[key] = value;
        }

        return result;
    }

    private JobStep? Map(Step step, CacheStepRenderer caches)
    {
        switch (step.Kind)
        {
            case StepKind.Run:
                return Script(step, Normalised(step.Run ?? throw MissingValue(step)), step.Shell);
            case StepKind.KeyValues:
                return caches.KeyValues(step);
            case StepKind.SetupPackage:
                return Setup(step);
            case StepKind.Uses or StepKind.Checkout:
                WarnRunOnlyKeys(step);
                return new ActionStep
                {
                    Name = step.Name,
                    Id = step.Id,
                    If = conditions.Text(step.If, step.Condition),
                    Env = EnvValues.Render(step.Env, step.EnvReferences),
                    Uses = step.Kind == StepKind.Checkout ? ActionStep.Checkout : step.Uses ?? throw MissingValue(step),
                    With = step.With,
                };
            case StepKind.RestoreCache:
                return caches.Restore(step);
            case StepKind.SaveCache:
                return caches.Save(step);
            default:
                diagnostics.Error(DiagnosticCodes.InvalidStep, $"unknown step kind '{step.Kind}'", step.Source, workflowId, jobId);
                return null;
        }
    }

    private static string Normalised(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A run step; expressions in the script reach it through env (<see cref="ScriptExpressions"/>).</summary>
    private RunStep Script(Step step, string script, string? shell)
    {
        var (safeScript, env) = ScriptExpressions.MoveToEnv(script, EnvValues.Render(step.Env, step.EnvReferences), shell);
        return new RunStep
        {
            Name = step.Name,
            Id = step.Id,
            If = conditions.Text(step.If, step.Condition),
            Env = env,
            Shell = shell,
            WorkingDirectory = step.WorkingDirectory,
            Run = safeScript,
        };
    }

    private ActionStep? Setup(Step step)
    {
        var package = step.Package ?? throw InvalidGraphException.Broken("a setup_package step carries its package", step.Source);
        if (!SetupActions.Knows(package.Name))
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidStep,
                $"unknown package '{package.Name}'; the github provider sets up node, ruby, python, go, dotnet and rust",
                step.Source, workflowId, jobId);
            return null;
        }

        return SetupActions.For(package) is var (uses, with)
            ? new ActionStep
            {
                Name = step.Name,
                Id = step.Id,
                If = conditions.Text(step.If, step.Condition),
                Env = EnvValues.Render(step.Env, step.EnvReferences),
                Uses = uses,
                With = with,
            }
            : null;
    }

    private static InvalidGraphException MissingValue(Step step) =>
        InvalidGraphException.Broken($"a {step.Kind} step carries its {step.Kind} value", step.Source);

    private void WarnRunOnlyKeys(Step step)
    {
        if (step.Shell is not null || step.WorkingDirectory is not null)
        {
            diagnostics.Warning(
                DiagnosticCodes.InvalidStep,
                "shell and working_directory apply to run steps only; GitHub rejects them on an action step, so they are ignored",
                step.Source, workflowId, jobId);
        }
    }
}
