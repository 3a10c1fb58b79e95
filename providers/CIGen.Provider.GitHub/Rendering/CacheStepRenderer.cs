using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Spells <c>restore_cache</c> and <c>save_cache</c> steps with GitHub's split cache actions. An automatic save
/// (<see cref="CacheEntryStep.Cache"/> set) stores under the key its restore step computed, and only when that key missed: a
/// job that failed never gets here (the implicit <c>success()</c>), and an exact hit has nothing new to store.
/// </summary>
/// <param name="jobSteps">The job's steps, commands expanded: where the key_values and restore steps are found.</param>
/// <param name="legs">The job's matrix legs, whose values a key's matrix parts read.</param>
internal sealed class CacheStepRenderer(
    IReadOnlyList<Step> jobSteps, IReadOnlyList<MatrixLeg> legs, DiagnosticBag diagnostics, string workflowId, string jobId, ConditionRenderer conditions)
{
    private CacheKeySpelling Spelling => field ??= new(jobSteps.OfType<KeyValuesStep>().FirstOrDefault()?.Id);

    /// <summary>
    /// A <c>key_values</c> step: the runtime action's <c>keys</c> operation over the step's values. Digests are left
    /// out (docs/protocol.md, key_values): GitHub checksums files itself (<c>hashFiles</c>), so they would only cost time.
    /// </summary>
    /// <remarks>
    /// A join that holds a matrix value reads it from a variable the step sets, <c>CIGEN_MATRIX_&lt;name&gt;</c>: GitHub
    /// runs every leg from one definition and fills <c>${{ matrix.X }}</c> in per leg, so the value reaches the runtime
    /// through <c>env</c> like any other.
    /// </remarks>
    public ActionStep KeyValues(KeyValuesStep step)
    {
        // A copy: the graph's own env must not take the matrix variables.
        var env = new OrderedDictionary<string, Scalar>(EnvValues.Render(step.Env, step.EnvReferences));
        var values = step.KeyValues.Where(v => v is not KeyValue.Digest).Select(v => v is KeyValue.Join join
            ? join with { Parts = [.. join.Parts.Select(p => p is KeyPart.Matrix matrix ? MatrixVariable(matrix.Name, env) : p)] }
            : v);
        return RuntimeAction.Step(step.Name, step.Id, CigenRuntime.Keys, RuntimeSpec.Keys([.. values]), env: env, condition: conditions.Text(step.If, step.Condition));
    }

    /// <summary>An env part reading the matrix value <paramref name="name"/>, which <paramref name="env"/> now sets.</summary>
    private static KeyPart MatrixVariable(string name, OrderedDictionary<string, Scalar> env)
    {
        var variable = "CIGEN_MATRIX_" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        env.TryAdd(variable, CacheKeySpelling.Matrix(name));
        return new KeyPart.Env(variable);
    }

    public CacheStep? Restore(RestoreCacheStep step)
    {
        var keys = step.CacheKeys.Count > 0 ? Spelled(step.CacheKeys, step.Source) : [.. step.Keys.Select(CacheKeySpelling.Literal)];
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

    public CacheStep? Save(SaveCacheStep step)
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
    private (string Key, string Condition) AfterRestore(string cache, SaveCacheStep save)
    {
        var restoreId = jobSteps.OfType<RestoreCacheStep>().FirstOrDefault(s => s.Cache == cache)?.Id
            ?? throw InvalidGraphException.Broken($"the save step of automatic cache '{cache}' follows a restore step of it with an id", save.Source);
        return ($"${{{{ steps.{restoreId}.outputs.cache-primary-key }}}}", $"steps.{restoreId}.outputs.cache-hit != 'true'");
    }

    /// <summary>The parsed key; a host that sends only the key's text gets the text as it is.</summary>
    private string HandWrittenKey(SaveCacheStep step) =>
        step.CacheKey.Parts.Count > 0 ? Spelling.Key(step.CacheKey, step.Source)
        : step.Key is { } text ? CacheKeySpelling.Literal(text)
        : throw InvalidGraphException.Broken("a save_cache step has a key", step.Source);

    private List<string> Spelled(IReadOnlyList<CacheKey> keys, SourceLocation source) => [.. keys.Select(k => Spelling.Key(k, source))];

    /// <summary>
    /// GitHub rejects a cache key with a comma when the step runs, so a matrix value with one cannot go into a key
    /// (the save step stores under the restore step's key, so checking the restore suffices).
    /// </summary>
    private bool HasKeyableMatrixValues(RestoreCacheStep step)
    {
        var names = step.CacheKeys.SelectMany(k => k.Parts).OfType<KeyPart.Matrix>().Select(p => p.Name).Distinct().ToList();
        var bad = legs.SelectMany(l => l.Values.Where(v => names.Contains(v.Key) && v.Value.Text.Contains(','))).FirstOrDefault();
        if (bad.Key is null)
        {
            return true;
        }

        diagnostics.Error(
            DiagnosticCodes.InvalidStep,
            $"restore_cache step {Describe(step)} keys the cache by the matrix value `{bad.Key}`, but the value `{bad.Value.Text}` has a comma, "
            + "which GitHub's cache keys cannot contain; remove the comma from the matrix value",
            step.Source, workflowId, jobId);
        return false;
    }

    private bool HasPaths(CacheEntryStep step, string what)
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

    private static string Describe(CacheEntryStep step) =>
        step.Name is { } name ? $"'{name}'"
        : step.Id is { } id ? $"'{id}'"
        : (step is SaveCacheStep save ? save.Key : ((RestoreCacheStep)step).Keys.FirstOrDefault()) is { } key ? $"with key '{key}'"
        : "without a name";
}
