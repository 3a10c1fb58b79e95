using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A run step whose script is longer than <see cref="MaxLines"/> lines is written once: when jobs run the same step
/// (the same name, settings and script) more than once in the config — matrix legs, a job file shared by workflows,
/// steps cigen adds to every job — it becomes a command of the config's <c>commands:</c>, named after the step, that
/// the jobs use by name. CircleCI runs a command's steps as if they were written in place, so nothing changes but the
/// size of the file a maintainer reads.
/// </summary>
internal static class RepeatedScripts
{
    /// <summary>Scripts of at most this many non-blank lines stay where they are, however often.</summary>
    public const int MaxLines = 5;

    /// <param name="taken">Names a new command must not have: the config's commands and CircleCI's built-in steps.</param>
    public static (IReadOnlyList<JobDefinition> Jobs, IReadOnlyList<CommandDefinition> Commands) Extract(
        IReadOnlyList<JobDefinition> jobs, IEnumerable<string> taken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in jobs.SelectMany(j => Runs(j.Steps)))
        {
            var text = Text(step);
            counts[text] = counts.GetValueOrDefault(text) + 1;
        }

        var names = new HashSet<string>(taken, StringComparer.Ordinal);
        var commands = new List<CommandDefinition>();
        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in jobs.SelectMany(j => Runs(j.Steps)))
        {
            var text = Text(step);
            if (counts[text] > 1 && !byText.ContainsKey(text))
            {
                var name = CommandNames.Free(NameOf(step), names);
                byText.Add(text, name);
                commands.Add(new CommandDefinition
                {
                    Name = name,
                    Description = "A step several jobs run, written once.",
                    Steps = [step],
                });
            }
        }

        if (commands.Count == 0)
        {
            return (jobs, []);
        }

        return ([.. jobs.Select(j => j with { Steps = Replace(j.Steps, byText) })], commands);
    }

    private static IReadOnlyList<ConfigStep> Replace(IReadOnlyList<ConfigStep> steps, Dictionary<string, string> byText) =>
        [.. steps.Select(step => step switch
        {
            RunStep run when Long(run) && byText.TryGetValue(Text(run), out var name) => new CommandReference(name),
            ConditionalSteps conditional => conditional with { Steps = Replace(conditional.Steps, byText) },
            _ => step,
        })];

    /// <summary>The long run steps, in order, those of <c>when</c> steps included.</summary>
    private static IEnumerable<RunStep> Runs(IEnumerable<ConfigStep> steps) =>
        steps.SelectMany(step => step switch
        {
            RunStep run when Long(run) => [run],
            ConditionalSteps conditional => Runs(conditional.Steps),
            _ => Enumerable.Empty<RunStep>(),
        });

    private static bool Long(RunStep step) => step.Command.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l)) > MaxLines;

    private static string Text(RunStep step) => YamlWriter.Write(step.ToYaml());

    /// <summary>The step's name as a command name (<c>Enable pnpm</c> → <c>enable_pnpm</c>).</summary>
    private static string NameOf(RunStep step) => CommandNames.Sanitized(step.Name ?? "run");
}
