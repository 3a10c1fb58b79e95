using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The skip steps of every job as two commands written once into <c>commands:</c> — <see cref="StartName"/> after the
/// checkout (hash, lookup, halt) and <see cref="RecordName"/> at the end — which each job uses with its marker's prefix
/// and its hash inputs. The commands' steps are <see cref="SkipSteps"/>' own, for a job named <see cref="ThisJob"/>: a
/// CircleCI job runs alone on its machine, so the files the steps keep under /tmp/cigen/skip/ need no name of the job's
/// own, and a use names nothing but what makes the job's marker. A config whose jobs use several marker backends gets a
/// pair of commands per backend, named after it.
/// <para>
/// The user's source file groups the jobs' inputs name are written once, as sets in the start command's records
/// (<see cref="RuntimeSpec.GroupSets"/>), and each job passes <c>uses @GROUP</c> and its other records. A group is the
/// same whichever jobs name it, so adding a job leaves the sets and the other jobs as they are; sets made of the records
/// several jobs happen to share, as GitHub's plan job finds them, would change with every job added.
/// </para>
/// </summary>
/// <param name="targets">Every job the commands may be used for: the group sets are those these jobs' inputs name.</param>
internal sealed class SkipCommands(IReadOnlyList<SkipTarget> targets)
{
    private readonly bool severalBackends = targets.Select(t => t.Skipping.Backend.Name).Distinct(StringComparer.Ordinal).Count() > 1;

    public const string StartName = "cigen_skip_if_unchanged";
    public const string RecordName = "cigen_record_skip_marker";

    /// <summary>The name the commands' records and files give the job that uses them.</summary>
    public const string ThisJob = "job";

    private const string MarkerParameter = "marker";
    private const string InputsParameter = "inputs";

    private readonly List<CommandDefinition> definitions = [];

    /// <summary>The commands the uses so far need, in first-use order.</summary>
    public IReadOnlyList<CommandDefinition> Definitions => definitions;

    /// <summary>
    /// A use of the start command for <paramref name="target"/>; null when its name or its marker's prefix is not a plain
    /// word (<see cref="ShellWords"/>), which the commands' records and scripts could not take as they are: then the
    /// steps are written in place.
    /// </summary>
    public CommandInvocation? Start(SkipTarget target, Scope scope)
    {
        if (!Fits(target))
        {
            return null;
        }

        var name = Named(StartName, target);
        Define(name, () => new CommandDefinition
        {
            Name = name,
            Description = "Hash the job's inputs and end the job as a success when the skip marker of that hash exists: nothing changed since it last succeeded.",
            Parameters = [Marker, new CommandParameter { Name = InputsParameter, Type = "string", Description = "The job's hash records: its definition files and the patterns of its source files." }],
            Steps = StartSteps(target, GroupSets(target), scope),
        });
        return new CommandInvocation(name,
        [
            (MarkerParameter, YamlScalar.String(target.Marker.Prefix)),
            (InputsParameter, YamlScalar.String(RuntimeSpec.InputRecords(target.Skipping, usesGroups: true).TrimEnd('\n'))),
        ]);
    }

    /// <summary>A use of the record command for <paramref name="target"/>, or null as for <see cref="Start"/>.</summary>
    public CommandInvocation? Record(SkipTarget target, Scope scope)
    {
        if (!Fits(target))
        {
            return null;
        }

        var name = Named(RecordName, target);
        Define(name, () => new CommandDefinition
        {
            Name = name,
            Description = "Record the job's skip marker, after every step before succeeded: the next run with the same inputs skips the job.",
            Parameters = target.IsNative ? [Marker] : [],
            Steps = SkipSteps.Record(Templated(target), scope),
        });
        return new CommandInvocation(name, target.IsNative ? [(MarkerParameter, YamlScalar.String(target.Marker.Prefix))] : []);
    }

    /// <summary>The sets of the groups named by the jobs that use the same commands as <paramref name="target"/>.</summary>
    private string GroupSets(SkipTarget target) =>
        RuntimeSpec.GroupSets(targets.Where(t => Fits(t) && Named(StartName, t) == Named(StartName, target)).Select(t => t.Skipping));

    /// <summary>The group sets and the hash over the job's records, then <see cref="SkipSteps"/>' lookup and halt.</summary>
    private static IReadOnlyList<ConfigStep> StartSteps(SkipTarget target, string groupSets, Scope scope)
    {
        var templated = Templated(target);
        // The job's name and its marker's prefix are plain words (Fits), which the records write without quotes.
        var spec = $"{groupSets}job {templated.Job}\n{Reference(InputsParameter)}\nmarker {templated.MarkerOutput} {templated.Marker.Prefix}\n";
        var halt = SkipCommand.Halt(templated.Job);
        return target.IsNative
            ? [RuntimeCommand.Use(SkipSteps.HashStepName, CigenRuntime.Hash, spec), SkipSteps.Restore(templated, SkipSteps.LookupStepName), halt]
            : [RuntimeCommand.Use(SkipSteps.HashAndLookupStepName, CigenRuntime.Hash, spec, SkipSteps.Backend(target, scope)), halt];
    }

    /// <summary>The target as the commands see it: <see cref="ThisJob"/>, whose marker's prefix is their parameter.</summary>
    private static SkipTarget Templated(SkipTarget target) =>
        target with { Job = ThisJob, Marker = target.Marker with { Prefix = Reference(MarkerParameter) } };

    private void Define(string name, Func<CommandDefinition> definition)
    {
        if (!definitions.Exists(d => d.Name == name))
        {
            definitions.Add(definition());
        }
    }

    private string Named(string name, SkipTarget target) => severalBackends ? $"{name}_{CommandNames.Sanitized(target.Skipping.Backend.Name)}" : name;

    private static bool Fits(SkipTarget target) => ShellWords.Quote(target.Marker.Prefix) == target.Marker.Prefix;

    private static readonly CommandParameter Marker = new() { Name = MarkerParameter, Type = "string", Description = "The prefix of the job's skip marker; its hash follows." };

    private static string Reference(string parameter) => $"<< parameters.{parameter} >>";
}

/// <summary>
/// The step that halts a job when the lookup found its marker and the run may skip (Scripts/skip-if-unchanged.sh), the
/// job's name in the environment.
/// </summary>
internal static class SkipCommand
{
    public const string StepName = "Skip the job when its inputs are unchanged";

    public const string JobVariable = "CIGEN_JOB";

    private static readonly EmbeddedScript Script = new(typeof(SkipCommand).Assembly, "CIGen.Provider.CircleCI.Scripts.skip-if-unchanged.sh");

    public static string HaltScript => Script.Code;

    public static Model.RunStep Halt(string job) => new() { Name = StepName, Environment = new() { [JobVariable] = job }, Command = Script.Code };
}
