using CIGen.Provider.Sdk.Runtime;
using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Moves a job's package and cache setup (<see cref="SetupSpan"/>: tools, key values, cache restores, then the host's
/// dependency installs) into a local composite action, <c>.github/actions/cigen-&lt;packages&gt;/action.yml</c>,
/// written once for every job whose setup renders alike, so that a job calls it in one line instead of repeating ~30;
/// only a setup that restores a cache, as a setup of tools alone is a step or two. Its restores become
/// <c>actions/cache@v4</c>, whose post step saves the cache when the job succeeded and the key missed — what the job's
/// save steps did, so they go. A setup is moved only when it means the same inside an action: no conditions, nothing
/// read from contexts a composite action does not share with the job (matrix, needs, secrets, inputs, vars, env, job,
/// strategy), no output read outside it but by the saves it replaces, and a checkout before it (GitHub reads a local
/// action from the checkout).
/// </summary>
internal sealed partial class JobSetupActions
{
    public const string DirectoryPrefix = ".github/actions/cigen-";

    /// <summary>The glob of the actions' files, for the provider's declared outputs.</summary>
    public const string Glob = DirectoryPrefix + "*/action.yml";

    private const string CacheAction = "actions/cache@v4";

    private readonly Dictionary<string, string> directories = new(StringComparer.Ordinal);
    private readonly List<OutputFile> files = [];

    /// <summary>The actions written so far, in the order jobs first used them.</summary>
    public IReadOnlyList<OutputFile> Files => files;

    /// <summary>True when an action calls cigen's runtime action (for cache-key values), which must then be written too.</summary>
    public bool UseRuntime { get; private set; }

    /// <summary>The parts of the runtime the actions' calls of it need (<see cref="RuntimeAction.PartsOf"/>).</summary>
    public RuntimeParts RuntimeParts { get; private set; }

    /// <summary>The job's steps with its setup replaced by a call of its action; the steps as they were when it cannot move.</summary>
    public RenderedSteps Use(RenderedSteps rendered)
    {
        if (rendered is not { Setup: { } setup, ThroughCheckout: { } through } || setup.Start < through)
        {
            return rendered;
        }

        var steps = rendered.Steps;
        // The installs go along when each would mean the same inside (the original's own setup action installs too);
        // else they stay the job's first steps after the call.
        var installs = steps.Skip(setup.Start + setup.Count).Take(setup.Installs).ToList();
        var installing = installs.Count > 0 && installs.All(s => s.If is null && SharedOnly(Text(s), new HashSet<string>()));
        var count = setup.Count + (installing ? installs.Count : 0);
        var inside = steps.Skip(setup.Start).Take(count).ToList();
        var ids = inside.Select(s => s.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var saves = setup.Saves.Select(i => steps[i]).ToList();
        var restores = inside.OfType<CacheStep>().Where(c => c.Uses == CacheStep.RestoreAction).ToList();
        // A setup without a cache is a step or two (setup-node with its version): an action would not be shorter.
        if (restores.Count == 0 || inside.Any(s => s.If is not null) || inside.Any(s => !SharedOnly(Text(s), ids))
            || saves.Count != restores.Count || !saves.All(save => IsSaveOf(save, restores))
            || steps.Where((s, i) => (i < setup.Start || i >= setup.Start + count) && !setup.Saves.Contains(i)).Any(s => ids.Any(id => Text(s).Contains($"steps.{id}.", StringComparison.Ordinal))))
        {
            return rendered;
        }

        var action = new ActionDocument
        {
            Name = "cigen setup",
            // The save steps are named here: they are not gone, actions/cache runs them as its post steps.
            Description = $"Sets up the job's packages{(installing ? ", restores its caches and installs its dependencies" : " and restores its caches")}; "
                + $"actions/cache saves each cache when the job succeeds ({string.Join(", ", saves.Select(s => s.Name))})",
            Steps = [.. inside.Select(Inside)],
        };
        var directory = Directory(setup.Packages, YamlWriter.Write(action.ToYaml()));
        UseRuntime |= inside.Any(s => RuntimeAction.IsUse(s));
        RuntimeParts |= RuntimeAction.PartsOf(inside);
        var call = new ActionStep { Uses = "./" + directory };
        var kept = steps.Where((_, i) => (i < setup.Start || i >= setup.Start + count) && !setup.Saves.Contains(i)).ToList();
        kept.Insert(setup.Start, call);
        return new RenderedSteps(kept, through, null);
    }

    /// <summary>A step as the action runs it: a restore saves at the job's end; a run names its shell, as composite actions must.</summary>
    private static JobStep Inside(JobStep step) => step switch
    {
        CacheStep cache when cache.Uses == CacheStep.RestoreAction => cache with { Uses = CacheAction },
        RunStep { Shell: null } run => run with { Shell = "bash" },
        _ => step,
    };

    /// <summary>The directory of the action with <paramref name="text"/>: the one already written, else a new name from the packages.</summary>
    private string Directory(IReadOnlyList<string> packages, string text)
    {
        if (directories.TryGetValue(text, out var known))
        {
            return known;
        }

        var name = DirectoryPrefix + (packages.Count == 0 ? "caches" : string.Join('-', packages));
        var unique = name;
        for (var n = 2; directories.ContainsValue(unique); n++)
        {
            unique = $"{name}-{n}";
        }

        directories.Add(text, unique);
        files.Add(new OutputFile($"{unique}/action.yml", text));
        return unique;
    }

    private static bool IsSaveOf(JobStep save, IReadOnlyList<CacheStep> restores) =>
        save is CacheStep { Uses: CacheStep.SaveAction } cache
        && restores.Any(r => r.Id is { } id && cache.If == $"steps.{id}.outputs.cache-hit != 'true'"
            && cache.Key == $"${{{{ steps.{id}.outputs.cache-primary-key }}}}" && cache.Paths.SequenceEqual(r.Paths, StringComparer.Ordinal));

    /// <summary>True when every expression in <paramref name="text"/> reads only what a composite action shares with its job.</summary>
    private static bool SharedOnly(string text, IReadOnlySet<string> ids) =>
        !JobContext().IsMatch(text) && StepsContext().Matches(text).All(m => ids.Contains(m.Groups[1].Value));

    private static string Text(JobStep step) => YamlWriter.Write(step.ToYaml());

    [GeneratedRegex(@"\b(matrix|needs|secrets|inputs|vars|env|job|strategy)\.")]
    private static partial Regex JobContext();

    [GeneratedRegex(@"\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)\.")]
    private static partial Regex StepsContext();
}
