using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A run of steps that several jobs have alike — the package setup cigen adds to every job of a config, a cache save —
/// is written once, as a command of the config's <c>commands:</c> that each of those jobs uses by name. CircleCI runs
/// a command's steps as if they were written in place, so nothing changes but the size of the file a maintainer reads.
/// The run that saves the most lines goes first, again until none saves any; a run is named after its last named step
/// (<c>Install pnpm dependencies</c> → <c>install_pnpm_dependencies</c>), which is what it leaves done.
/// </summary>
internal static class RepeatedSteps
{
    /// <summary>What a command costs beyond its steps: its name, description and <c>steps:</c> lines, and the blank line after it.</summary>
    private const int DefinitionLines = 4;

    /// <param name="taken">Names a new command must not have: the config's commands and CircleCI's built-in steps.</param>
    public static (IReadOnlyList<JobDefinition> Jobs, IReadOnlyList<CommandDefinition> Commands) Extract(
        IReadOnlyList<JobDefinition> jobs, IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken, StringComparer.Ordinal);
        var commands = new List<CommandDefinition>();
        var current = jobs.ToList();
        while (Best(current) is { } run)
        {
            var name = CommandNames.Free(NameOf(run), names);
            commands.Add(new CommandDefinition { Name = name, Description = "Steps several jobs run alike, written once.", Steps = run });
            current = [.. current.Select(j => j with { Steps = Replace(j.Steps, run, new CommandReference(name)) })];
        }

        return (current, commands);
    }

    /// <summary>The run of movable steps whose extraction saves the most lines (the longest, then the first, of equals); null when none saves any.</summary>
    private static IReadOnlyList<ConfigStep>? Best(IReadOnlyList<JobDefinition> jobs)
    {
        var texts = jobs.Select(j => j.Steps.Select(Text).ToList()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        (IReadOnlyList<ConfigStep> Run, int Saving)? best = null;
        for (var j = 0; j < jobs.Count; j++)
        {
            for (var start = 0; start < texts[j].Count; start++)
            {
                var lines = 0;
                for (var end = start; end < texts[j].Count && Movable(jobs[j].Steps[end], texts[j][end]); end++)
                {
                    lines += Lines(texts[j][end]);
                    var run = texts[j].GetRange(start, end - start + 1);
                    if (!seen.Add(string.Join('\u0000', run)))
                    {
                        continue;
                    }

                    var uses = texts.Sum(other => Occurrences(other, run));
                    var saving = uses * lines - (lines + DefinitionLines + uses);
                    if (uses >= 2 && saving > 0 && (best is null || saving > best.Value.Saving || (saving == best.Value.Saving && run.Count > best.Value.Run.Count)))
                    {
                        best = (jobs[j].Steps.Skip(start).Take(run.Count).ToList(), saving);
                    }
                }
            }
        }

        return best?.Run;
    }

    /// <summary>How often <paramref name="run"/> occurs in <paramref name="steps"/> without overlapping, from the first step on.</summary>
    private static int Occurrences(List<string> steps, List<string> run)
    {
        var count = 0;
        for (var i = 0; i + run.Count <= steps.Count;)
        {
            if (At(steps, i, run))
            {
                count++;
                i += run.Count;
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    private static IReadOnlyList<ConfigStep> Replace(IReadOnlyList<ConfigStep> steps, IReadOnlyList<ConfigStep> run, ConfigStep use)
    {
        var texts = steps.Select(Text).ToList();
        var wanted = run.Select(Text).ToList();
        var replaced = new List<ConfigStep>();
        for (var i = 0; i < steps.Count;)
        {
            if (i + wanted.Count <= steps.Count && At(texts, i, wanted))
            {
                replaced.Add(use);
                i += wanted.Count;
            }
            else
            {
                replaced.Add(steps[i++]);
            }
        }

        return replaced;
    }

    private static bool At(List<string> steps, int at, List<string> run)
    {
        for (var k = 0; k < run.Count; k++)
        {
            if (!string.Equals(steps[at + k], run[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Steps a command can hold as they are: not the checkout, which stays in the job so a reader sees where the job's
    /// sources come from, and nothing that reads the job's own parameters (a folded leg's), which a command does not have.
    /// </summary>
    private static bool Movable(ConfigStep step, string text) =>
        step is not CheckoutStep && !text.Contains("<< parameters.", StringComparison.Ordinal);

    /// <summary>The step as written (in a list: a bare <c>- checkout</c> is no document of its own).</summary>
    private static string Text(ConfigStep step) => YamlWriter.Write(new YamlSequence([step.ToYaml()]));

    private static int Lines(string text) => text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));

    private static string NameOf(IReadOnlyList<ConfigStep> run) =>
        CommandNames.Sanitized(run.Select(StepName).LastOrDefault(n => n is not null) ?? "steps");

    private static string? StepName(ConfigStep step) => step switch
    {
        RunStep run => run.Name,
        RestoreCacheStep restore => restore.Name,
        SaveCacheStep save => save.Name,
        CommandInvocation use => use.Command,
        CommandReference reference => reference.Command,
        _ => null,
    };
}
