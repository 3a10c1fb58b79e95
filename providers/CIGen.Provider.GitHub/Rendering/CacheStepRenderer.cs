using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Spells <c>restore_cache</c> and <c>save_cache</c> steps with GitHub's split cache actions. An automatic save
/// (<see cref="Step.Cache"/> set) stores under the key its restore step computed, and only when that key missed: a
/// job that failed never gets here (the implicit <c>success()</c>), and an exact hit has nothing new to store.
/// </summary>
/// <param name="jobSteps">The job's steps, commands expanded: where the key_values and restore steps are found.</param>
/// <param name="legs">The job's matrix legs, whose values a key's matrix parts read.</param>
internal sealed class CacheStepRenderer(
    IReadOnlyList<Step> jobSteps, IReadOnlyList<MatrixLeg> legs, DiagnosticBag diagnostics, string workflowId, string jobId, ConditionRenderer conditions)
{
    private CacheKeySpelling Spelling => field ??= new(jobSteps.FirstOrDefault(s => s.Kind == StepKind.KeyValues)?.Id);

    /// <summary>
    /// A <c>key_values</c> step: the runtime action's <c>keys</c> operation over the step's values. Digests are left
    /// out (docs/protocol.md, key_values): GitHub checksums files itself (<c>hashFiles</c>), so they would only cost time.
    /// </summary>
    /// <remarks>
    /// A join that holds a matrix value reads it from a variable the step sets, <c>CIGEN_MATRIX_&lt;name&gt;</c>: GitHub
    /// runs every leg from one definition and fills <c>${{ matrix.X }}</c> in per leg, so the value reaches the runtime
    /// through <c>env</c> like any other.
    /// </remarks>
    public ActionStep KeyValues(Step step)
    {
        // A copy: the graph's own env must not take the matrix variables.
        var env = new OrderedDictionary<string, Scalar>(EnvValues.Render(step.Env, step.EnvReferences));
        var values = step.KeyValues.Where(v => v.Kind != KeyValueKind.Digest).Select(v => v with
        {
            Parts = [.. v.Parts.Select(p => p.Kind == KeyPartKind.Matrix ? MatrixVariable(p.Name!, env) : p)],
        });
        return RuntimeAction.Step(step.Name, step.Id, CigenRuntime.Keys, RuntimeSpec.Keys([.. values]), env: env, condition: conditions.Text(step.If, step.Condition));
    }

    /// <summary>An env part reading the matrix value <paramref name="name"/>, which <paramref name="env"/> now sets.</summary>
    private static KeyPart MatrixVariable(string name, OrderedDictionary<string, Scalar> env)
    {
        var variable = "CIGEN_MATRIX_" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        env.TryAdd(variable, CacheKeySpelling.Matrix(name));
        return new KeyPart { Kind = KeyPartKind.Env, Name = variable };
    }

    public CacheStep? Restore(Step step)
    {
        var keys = Keys(step);
        if (keys.Count == 0)
        {
            throw InvalidGraphException.Broken("a restore_cache step has at least one key", step.Source);
        }

        if (!HasPaths(step, "the paths the cache entry holds (those of the save_cache step that writes it)") || !HasKeyableMatrixValues(step))
        {
            return null;
        }

        return new CacheStep
        {
            Name = step.Name,
            Id = step.Id,
            If = conditions.Text(step.If, step.Condition),
            Env = EnvValues.Render(step.Env, step.EnvReferences),
            Uses = CacheStep.RestoreAction,
            Paths = step.Paths,
            Key = keys[0],
            RestoreKeys = [.. keys.Skip(1)],
        };
    }

    public CacheStep? Save(Step step)
    {
        if (!HasPaths(step, "the paths to store"))
        {
            return null;
        }

        var (key, condition) = step.Cache is { } cache ? AfterRestore(cache, step) : (HandWrittenKey(step), null);
        return new CacheStep
        {
            Name = step.Name,
            Id = step.Id,
            If = Conditions.Both(conditions.Text(step.If, step.Condition), condition),
            Env = EnvValues.Render(step.Env, step.EnvReferences),
            Uses = CacheStep.SaveAction,
            Paths = step.Paths,
            Key = key,
        };
    }

    /// <summary>The restore step's computed key, saved when the restore found no exact match.</summary>
    private (string Key, string Condition) AfterRestore(string cache, Step save)
    {
        var restoreId = jobSteps.FirstOrDefault(s => s.Kind == StepKind.RestoreCache && s.Cache == cache)?.Id
            ?? throw InvalidGraphException.Broken($"the save step of automatic cache '{cache}' follows a restore step of it with an id", save.Source);
        return ($"${{{{ steps.{restoreId}.outputs.cache-primary-key }}}}", $"steps.{restoreId}.outputs.cache-hit != 'true'");
    }

    private string HandWrittenKey(Step step) =>
        Keys(step) is [var key, ..] ? key : throw InvalidGraphException.Broken("a save_cache step has a key", step.Source);

    /// <summary>The parsed keys; a host that sends only the key texts gets each text as it is.</summary>
    private List<string> Keys(Step step)
    {
        if (step.CacheKeys.Count > 0)
        {
            return [.. step.CacheKeys.Select(k => Spelling.Key(k, step.Source))];
        }

        IEnumerable<string> texts = step.Kind == StepKind.SaveCache ? step.Key is { } key ? [key] : [] : step.Keys;
        return [.. texts.Select(CacheKeySpelling.Literal)];
    }

    /// <summary>
    /// GitHub rejects a cache key with a comma when the step runs, so a matrix value with one cannot go into a key
    /// (the save step stores under the restore step's key, so checking the restore suffices).
    /// </summary>
    private bool HasKeyableMatrixValues(Step step)
    {
        var names = step.CacheKeys.SelectMany(k => k.Parts).Where(p => p.Kind == KeyPartKind.Matrix).Select(p => p.Name!).Distinct().ToList();
        var bad = legs.SelectMany(l => l.Values.Where(v => names.Contains(v.Key) && v.Value.Text.Contains(','))).FirstOrDefault();
        if (bad.Key is null)
        {
            return true;
        }

        diagnostics.Error(
            DiagnosticCodes.InvalidStep,
            $"{step.Kind} step {Describe(step)} keys the cache by the matrix value `{bad.Key}`, but the value `{bad.Value.Text}` has a comma, "
            + "which GitHub's cache keys cannot contain; remove the comma from the matrix value",
            step.Source, workflowId, jobId);
        return false;
    }

    private bool HasPaths(Step step, string what)
    {
        if (step.Paths.Count > 0)
        {
            return true;
        }

        diagnostics.Error(
            DiagnosticCodes.CacheNeedsPaths,
            $"{step.Kind} step {Describe(step)} has no paths, and GitHub's cache actions need {what}; add `paths:` to the step",
            step.Source, workflowId, jobId);
        return false;
    }

    private static string Describe(Step step) =>
        step.Name is { } name ? $"'{name}'"
        : step.Id is { } id ? $"'{id}'"
        : (step.Kind == StepKind.SaveCache ? step.Key : step.Keys.FirstOrDefault()) is { } key ? $"with key '{key}'"
        : "without a name";
}
