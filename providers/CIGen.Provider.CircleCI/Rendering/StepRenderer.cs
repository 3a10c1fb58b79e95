using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk.Yaml;
using CheckoutStep = CIGen.Protocol.CheckoutStep;
using RestoreCacheStep = CIGen.Protocol.RestoreCacheStep;
using RunStep = CIGen.Protocol.RunStep;
using SaveCacheStep = CIGen.Protocol.SaveCacheStep;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Turns the steps of a job or of a command into CircleCI steps, the same rules for both. Commands are used by name,
/// never inlined, so a command's steps are checked once, where the command is defined. What a step cannot carry on
/// CircleCI is reported: an error when leaving it out would change what runs, a warning when it changes nothing that
/// runs.
/// </summary>
/// <param name="matrix">The job's matrix values, which its uses of commands pass on (a job without a matrix has none);
/// null for the steps of a command, which pass the command's parameters on (<see cref="CommandMatrixParameters"/>).</param>
/// <param name="variables">The variables cigen sets for every job the steps run in (<see cref="ScriptEnvReferences"/>).</param>
/// <param name="installsNode">The job's image lacks the wanted Node.js, so its setup_package step installs it (<see cref="JobImages"/>).</param>
internal sealed class StepRenderer(CommandSet commands, Scope scope, JobMatrix? matrix, IReadOnlySet<string> variables, bool installsNode = false)
{
    public IReadOnlyList<ConfigStep> Render(IReadOnlyList<Step> steps) => Render(steps, null).Steps;

    /// <summary>
    /// The steps, and how many of them the steps through <paramref name="checkoutIndex"/> (the job's checkout,
    /// <see cref="Job.CheckoutIndex"/>) became: what needs the sources goes right after them. Null when there is no
    /// checkout, or its step became none here.
    /// </summary>
    public (IReadOnlyList<ConfigStep> Steps, int? ThroughCheckout) Render(IReadOnlyList<Step> steps, int? checkoutIndex)
    {
        var rendered = new List<ConfigStep>();
        int? throughCheckout = null;
        for (var i = 0; i < steps.Count; i++)
        {
            if (Render(steps[i], i) is { } step)
            {
                rendered.Add(step);
                if (i == checkoutIndex)
                {
                    throughCheckout = rendered.Count;
                }
            }
        }

        return (rendered, throughCheckout);
    }

    private ConfigStep? Render(Step step, int i)
    {
        if (commands.IsLeftOut(step))
        {
            return null;
        }

        var what = step.Name is null ? $"step {i + 1}" : $"step '{step.Name}'";
        if (Conditions.Tree(step.If, step.Condition) is not { } condition)
        {
            return Map(step, what);
        }

        // What is decided at generate time (constants; a job's matrix values were, by MatrixExpansion) is left out;
        // tests of the ref, and in a command tests of matrix values, become a `when` step that CircleCI decides when it
        // compiles the pipeline; the rest stays on the step.
        if (StepRefConditions.Split(condition) is not var (decided, rest))
        {
            return null;
        }

        var stepLeft = step with { Condition = rest, If = rest is null ? null : step.If };
        return Map(stepLeft, what) is { } result
            ? decided is null ? result : new ConditionalSteps(StepRefConditions.Logic(decided, commands.TestReference), [result])
            : null;
    }

    private ConfigStep? Map(Step step, string what)
    {
        if (step is UsesStep uses)
        {
            var label = step.Name is null ? "" : $" ('{step.Name}')";
            scope.Error(
                DiagnosticCodes.UsesStep,
                $"{scope.Description} has the GitHub Actions step `uses: {uses.Uses}`{label}, which cannot run on CircleCI; "
                + "limit it with `only: github-actions` or replace it with a run step",
                step.Source);
            return null;
        }

        // The ids of injected steps are the host's own, for GitHub's step outputs: nothing the user wrote.
        if (step is not (KeyValuesStep or CacheEntryStep { Cache: not null }))
        {
            WarnAboutId(step, what);
        }

        switch (step)
        {
            case RunStep run:
                return Run(run, what);
            case CheckoutStep:
                IgnoreOnStepWithoutSettings(step, what, "CircleCI's checkout step", name: true);
                RequireNoCondition(step, what, "a checkout step");
                return new Model.CheckoutStep();
            case CommandStep use:
                return CommandUse(use, what);
            case RestoreCacheStep restore:
                return RestoreCache(restore, what);
            case SaveCacheStep save:
                return SaveCache(save, what);
            case SetupPackageStep setup:
                // The job's image brings the tool (JobImages), except a Node.js version no image has.
                return installsNode && setup.Package is { Name: "node" } node ? NodeInstall.Step(node) : null;
            case KeyValuesStep keyValues:
                return KeyValues(keyValues, what);
            default:
                scope.Error(DiagnosticCodes.InvalidStep, $"{what} of {scope.Description} has the unknown step kind '{step.Kind}'", step.Source);
                return null;
        }
    }

    private Model.RunStep Run(RunStep step, string what)
    {
        var script = step.Run.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (command, undefined) = ScriptEnvReferences.Rewrite(script, variables.Union(step.Env.Keys).ToHashSet(StringComparer.Ordinal), step.Shell);
        WarnAboutUndefined(undefined, step, what);
        scope.WarnAboutGitHubExpression(command, $"the command of {what}", step.Source, undefined.Count > 0 ? ScriptEnvReferences.IsEnvReference : null);
        var environment = EnvironmentReferences.Split(step.Env, EnvironmentReferences.ReferenceIn(step.EnvReferences), scope, step.Source, what);
        RequireBashFor(environment, step, what);
        scope.WarnAboutGitHubExpression(step.WorkingDirectory, $"the working_directory of {what}", step.Source);
        var shell = Shells.ToCircleCi(step.Shell);
        if (shell is not null && shell.Contains("{0}", StringComparison.Ordinal))
        {
            scope.Error(
                DiagnosticCodes.InvalidStep,
                $"{what} of {scope.Description} has the shell `{step.Shell}` with `{{0}}` before its end, but CircleCI appends the "
                + "script file to the shell command; write the shell so that `{0}` comes last, or leave it out",
                step.Source);
        }

        return new Model.RunStep
        {
            Name = step.Name,
            When = When(step, what),
            Shell = shell,
            WorkingDirectory = step.WorkingDirectory,
            Environment = environment.Literal,
            Command = EnvironmentReferences.ExportLines(environment.Exports) + command,
        };
    }

    /// <summary>
    /// <c>${{ env.X }}</c> for an <c>X</c> that no env of the step, its job or workflow sets: GitHub's value would be
    /// empty (or what an earlier step wrote to <c>$GITHUB_ENV</c>), CircleCI gets the text, on which bash stops.
    /// </summary>
    private void WarnAboutUndefined(IReadOnlyList<string> names, Step step, string what)
    {
        if (names.Count == 0)
        {
            return;
        }

        var listed = string.Join(", ", names.Select(n => $"`${{{{ env.{n} }}}}`"));
        scope.Warning(
            DiagnosticCodes.GitHubExpression,
            $"the command of {what} of {scope.Description} reads {listed}, but no `env` of the step, its job or its workflow sets "
            + $"{string.Join(", ", names.Select(n => $"`{n}`"))}, so CircleCI gets the expression as literal text (bash: bad substitution); "
            + "set the variable in `env`, or write `${NAME}` to read a project or context variable",
            step.Source);
    }

    /// <summary>
    /// A use of cigen's runtime (<see cref="RuntimeCommand"/>) whose <c>keys</c> operation prints the step's values, each
    /// kept in a file of its name. Every value the step lists must be one the records describe (or <c>os</c>,
    /// <c>os_version</c>, <c>arch</c>, which the runtime always prints): a key checksumming a missing file would never match.
    /// </summary>
    private CommandInvocation? KeyValues(KeyValuesStep step, string what)
    {
        var described = step.KeyValues.Select(v => v.Name).Concat(AlwaysPrinted).ToHashSet(StringComparer.Ordinal);
        if (!step.KeyValues.All(v => RuntimeCommand.IsValueName(v.Name)) || step.Values.Any(v => !described.Contains(v)))
        {
            scope.Error(
                DiagnosticCodes.InvalidStep,
                $"{what} of {scope.Description} is a key_values step whose values are not all names of letters, digits and '_' described "
                + "by its keyValues; the circleci provider runs cigen's runtime for them and writes each value to a file of that name",
                step.Source);
            return null;
        }

        return RuntimeCommand.Use(step.Name ?? "Compute cache keys", CigenRuntime.Keys, RuntimeSpec.Keys(step.KeyValues));
    }

    /// <summary>What the runtime's <c>keys</c> prints first, whatever the records.</summary>
    private static readonly string[] AlwaysPrinted = ["os", "os_version", "arch"];

    private static readonly string[] PosixShells = ["bash", "sh", "dash", "zsh", "ksh"];

    /// <summary>A step's references are exported by the first lines of its script, which only a POSIX shell runs.</summary>
    private void RequireBashFor(SplitEnvironment environment, RunStep step, string what)
    {
        if (environment.Exports.Count > 0 && step.Shell is { } shell && !PosixShells.Contains(Path.GetFileName(shell.Split(' ')[0])))
        {
            scope.Error(
                DiagnosticCodes.EnvExpression,
                $"{what} of {scope.Description} sets variables from secrets/variables under other names, which the circleci provider "
                + $"exports in the step's script, but its shell `{shell}` is not a POSIX shell; move the variables to the job's env",
                step.Source);
        }
    }

    /// <summary>
    /// A bare command reference carries nothing but the name. Its display name only labels the step: a warning. Its
    /// condition and variables would change what the command's steps do: errors.
    /// </summary>
    private ConfigStep CommandUse(CommandStep step, string what)
    {
        var name = step.Command;
        if (step.Name is not null)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"{what} of {scope.Description} names its use of command `{name}`, but CircleCI uses commands by bare name and "
                + "shows each of the command's steps by its own name; the name is ignored",
                step.Source);
        }

        if (step.Env.Count > 0)
        {
            scope.Error(
                DiagnosticCodes.CommandStepSetting,
                $"{what} of {scope.Description} sets `env` on its use of command `{name}`, "
                + "but CircleCI uses commands by bare name without settings; set them on the steps inside the command, or in the job's env",
                step.Source);
        }

        switch (Conditions.Classify(Conditions.Tree(step.If, step.Condition)))
        {
            case StatusCondition.Failure or StatusCondition.Always:
                scope.Error(
                    DiagnosticCodes.StepCondition,
                    $"{what} of {scope.Description} uses command `{name}` under the condition `{step.If}`, which CircleCI cannot express: "
                    + "a command is used by bare name and its steps run as they are written; put the condition (`failure()` or `always()`) on the steps inside the command",
                    step.Source);
                break;
            case StatusCondition.Other:
                CannotExpress(step, what);
                break;
        }

        var arguments = new List<(string Name, YamlScalar Value)>();
        foreach (var parameter in commands.MatrixParametersOf(name))
        {
            if (matrix is null)
            {
                arguments.Add((parameter.Name, CommandMatrixParameters.Reference(parameter.Name)));
            }
            else if (parameter.Argument(matrix) is { } value)
            {
                arguments.Add((parameter.Name, value));
            }
            else
            {
                scope.Error(
                    DiagnosticCodes.InvalidName,
                    $"{what} of {scope.Description} uses command `{name}`, whose steps use `${{{{ matrix.{parameter.Name} }}}}`, but the job has no "
                    + $"matrix value `{parameter.Name}`; add `{parameter.Name}` to the job's matrix, or use the command only from jobs that have it",
                    step.Source);
            }
        }

        return arguments.Count == 0 ? new CommandReference(name) : new CommandInvocation(name, arguments);
    }

    private Model.RestoreCacheStep? RestoreCache(RestoreCacheStep step, string what)
    {
        IgnoreOnStepWithoutSettings(step, what, "CircleCI's restore_cache step", name: false);
        RequireNoCondition(step, what, "a restore_cache step");
        var keys = step.CacheKeys.Count > 0 ? Spelled(step.CacheKeys, step, what) : step.Keys;
        if (keys is null)
        {
            return null;
        }

        if (keys.Count == 0)
        {
            scope.Error(DiagnosticCodes.InvalidStep, $"{what} of {scope.Description} is a restore_cache step without keys; CircleCI needs at least one", step.Source);
            return null;
        }

        foreach (var key in keys)
        {
            scope.WarnAboutGitHubExpression(key, $"the cache key of {what}", step.Source);
        }

        return new Model.RestoreCacheStep { Name = step.Name, Keys = keys };
    }

    /// <summary>
    /// The keys from their parts, which the host sends for every key it built or parsed; a host that sends only the
    /// text gets its keys as written. Null after an error naming the part CircleCI cannot spell.
    /// </summary>
    private IReadOnlyList<string>? Spelled(IReadOnlyList<CacheKey> keys, Step step, string what)
    {
        var spelled = new List<string>();
        foreach (var key in keys)
        {
            if (CacheKeySyntax.Key(key, out var problem) is not { } text)
            {
                scope.Error(DiagnosticCodes.InvalidStep, $"{what} of {scope.Description} has a cache key CircleCI cannot spell: {problem}", step.Source);
                return null;
            }

            spelled.Add(text);
        }

        return spelled;
    }

    private Model.SaveCacheStep? SaveCache(SaveCacheStep step, string what)
    {
        IgnoreOnStepWithoutSettings(step, what, "CircleCI's save_cache step", name: false);
        string key;
        if (step.CacheKey.Parts.Count > 0)
        {
            if (Spelled([step.CacheKey], step, what) is not [var spelled])
            {
                return null;
            }

            key = spelled;
        }
        else
        {
            key = step.Key ?? throw InvalidGraphException.Broken("a save_cache step carries its key", step.Source);
        }

        var when = When(step, what);
        if (step.Paths.Count == 0)
        {
            scope.Error(DiagnosticCodes.InvalidStep, $"{what} of {scope.Description} is a save_cache step without paths; CircleCI needs at least one", step.Source);
            return null;
        }

        scope.WarnAboutGitHubExpression(key, $"the cache key of {what}", step.Source);
        return new Model.SaveCacheStep { Name = step.Name, When = when, Key = key, Paths = step.Paths };
    }

    /// <summary><c>success()</c> (or none) → CircleCI's default; <c>failure()</c> → <c>on_fail</c>; <c>always()</c> → <c>always</c>; anything else is an error.</summary>
    private StepWhen When(Step step, string what)
    {
        switch (Conditions.Classify(Conditions.Tree(step.If, step.Condition)))
        {
            case StatusCondition.Failure:
                return StepWhen.OnFail;
            case StatusCondition.Always:
                return StepWhen.Always;
            case StatusCondition.Other:
                CannotExpress(step, what);
                return StepWhen.OnSuccess;
            default:
                return StepWhen.OnSuccess;
        }
    }

    /// <summary>
    /// A step's condition that is more than a status function after its tests of the ref and of matrix values went into
    /// a <c>when</c> step (<see cref="StepRefConditions"/>): what CircleCI can decide, and where the rest can go.
    /// </summary>
    private void CannotExpress(Step step, string what) =>
        scope.Error(
            DiagnosticCodes.StepCondition,
            $"{what} of {scope.Description} has the condition `{step.If}`, which the circleci provider cannot express: "
            + GitHubOnly(step) + "CircleCI keeps or leaves out a step before the job runs by tests of `branch` and `tag` against strings "
            + "(`==`, `!=`, `startsWith`) and of matrix values, joined with `&&`, `||` and `!`, and runs it on success, on failure or always "
            + "(`success()`, `failure()`, `always()`); it can express such tests joined with `&&` to at most one status function, but not "
            + "`cancelled()`, a status function under `||` or `!`, or tests of `env` or of other functions; rewrite the condition so, "
            + "test it inside the step's script, or limit the step to GitHub with `only: github-actions`",
            step.Source);

    /// <summary>Names the raw GitHub-only contexts of the step's condition, if it has any.</summary>
    private static string GitHubOnly(Step step) => Conditions.RawParts(Conditions.Tree(step.If, step.Condition)) is { Count: > 0 } raw
        ? $"{string.Join(", ", raw.Select(r => $"`{r}`"))} is GitHub-only; "
        : "";

    /// <summary>Checkout and restore_cache have no <c>when</c>: they run after earlier steps succeeded, like <c>success()</c>.</summary>
    private void RequireNoCondition(Step step, string what, string kind)
    {
        if (Conditions.Classify(Conditions.Tree(step.If, step.Condition)) != StatusCondition.Success)
        {
            scope.Error(
                DiagnosticCodes.StepCondition,
                $"{what} of {scope.Description} has the condition `{step.If}`, but on CircleCI {kind} runs only after the steps before "
                + "it succeeded; remove the condition",
                step.Source);
        }
    }

    /// <summary>Settings a step kind has no place for on CircleCI; none of them changes what the step does.</summary>
    private void IgnoreOnStepWithoutSettings(Step step, string what, string kind, bool name)
    {
        var ignored = new List<string>();
        if (name && step.Name is not null)
        {
            ignored.Add("name");
        }

        if (step.Env.Count > 0)
        {
            ignored.Add("env");
        }

        if (ignored.Count > 0)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"{what} of {scope.Description} sets {string.Join(", ", ignored.Select(s => $"`{s}`"))}, which {kind} has no place for; ignored",
                step.Source);
        }
    }

    private void WarnAboutId(Step step, string what)
    {
        if (step.Id is not null)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"{what} of {scope.Description} has the id `{step.Id}`, which only GitHub uses (for `steps.{step.Id}.outputs`); "
                + "CircleCI steps have no ids, so it is ignored",
                step.Source);
        }
    }
}
