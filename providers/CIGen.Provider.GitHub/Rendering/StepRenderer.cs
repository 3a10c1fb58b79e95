using CIGen.Provider.Sdk;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Protocol.RunStep;
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

    private static bool IsSetup(Step step) => step is SetupPackageStep or KeyValuesStep or RestoreCacheStep;

    /// <summary>
    /// The setup the host added after the checkout: from the first setup_package, key_values or restore_cache step to
    /// the last one with only runs between (the tool's prepare runs); then how many of the runs right after it the host
    /// added for packages (<see cref="RunStep.Package"/> set: the installs), which the user's steps follow. Each graph step
    /// maps to its rendered steps through <paramref name="starts"/> (step i became starts[i]..starts[i+1]).
    /// </summary>
    private static SetupSpan? Setup(Job job, List<int> starts)
    {
        if (job.CheckoutIndex is not { } checkout)
        {
            return null;
        }

        var from = checkout + 1;
        if (from >= job.Steps.Count || !IsSetup(job.Steps[from]))
        {
            return null;
        }

        var last = from;
        for (var i = from; i < job.Steps.Count && (IsSetup(job.Steps[i]) || job.Steps[i] is RunStep); i++)
        {
            if (IsSetup(job.Steps[i]))
            {
                last = i;
            }
        }

        var installs = job.Steps.Skip(last + 1).TakeWhile(s => s is RunStep { Package: not null }).Count();
        var saves = Enumerable.Range(last + 1, job.Steps.Count - last - 1).Where(i => job.Steps[i] is SaveCacheStep && starts[i + 1] > starts[i]).Select(i => starts[i]).ToList();
        var packages = job.Steps.Skip(from).Take(last - from + 1).OfType<SetupPackageStep>().Select(s => s.Package.Name).ToList();
        return new SetupSpan(starts[from], starts[last + 1] - starts[from], saves, packages, starts[last + 1 + installs] - starts[last + 1]);
    }

    /// <summary>Replaces every command step by the command's steps (recursively), combined with the command step.</summary>
    private List<Step> Expand(IReadOnlyList<Step> steps, IReadOnlyList<string> commandStack)
    {
        var result = new List<Step>();
        foreach (var step in steps)
        {
            if (step is not CommandStep use)
            {
                result.Add(step);
                continue;
            }

            // Guards, not checks: the host guarantees both (docs/protocol.md §6); either broken would crash the expansion.
            var command = graph.Commands.FirstOrDefault(c => c.Name == use.Command)
                ?? throw InvalidGraphException.Broken($"every command step names a command of the graph, but '{use.Command}' is none", step.Source);
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
    /// </summary>
    private Step WithinCommandStep(Step use, Step inner) => inner with
    {
        Name = inner.Name ?? use.Name,
        If = Conditions.Both(conditions.Text(use.If, use.Condition), conditions.Text(inner.If, inner.Condition)),
        Condition = null,
        // References are spelled before the overlay: a literal of the call site may replace a reference of the command.
        Env = Overlay(EnvValues.Render(inner.Env, inner.EnvReferences), EnvValues.Render(use.Env, use.EnvReferences)),
        EnvReferences = [],
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
        switch (step)
        {
            case RunStep run:
                return Script(run, Normalised(run.Run));
            case KeyValuesStep keyValues:
                return caches.KeyValues(keyValues);
            case SetupPackageStep setup:
                return Setup(setup);
            case UsesStep or CheckoutStep:
                return new ActionStep
                {
                    Name = step.Name,
                    Id = step.Id,
                    If = conditions.Text(step.If, step.Condition),
                    Env = EnvValues.Render(step.Env, step.EnvReferences),
                    Uses = step is UsesStep uses ? uses.Uses : ActionStep.Checkout,
                    With = step is UsesStep { With: var with } ? with : [],
                };
            case RestoreCacheStep restore:
                return caches.Restore(restore);
            case SaveCacheStep save:
                return caches.Save(save);
            default:
                diagnostics.Error(DiagnosticCodes.InvalidStep, $"unknown step kind '{step.Kind}'", step.Source, workflowId, jobId);
                return null;
        }
    }

    private static string Normalised(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A run step; expressions in the script reach it through env (<see cref="ScriptExpressions"/>).</summary>
    private Model.RunStep Script(RunStep step, string script)
    {
        var shell = step.Shell;
        var (safeScript, env) = ScriptExpressions.MoveToEnv(script, EnvValues.Render(step.Env, step.EnvReferences), shell);
        return new Model.RunStep
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

    private ActionStep? Setup(SetupPackageStep step)
    {
        var package = step.Package;
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
}
