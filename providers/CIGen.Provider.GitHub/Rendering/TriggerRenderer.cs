using CIGen.Provider.Sdk;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Maps a workflow's triggers to <c>on:</c> events. The graph already uses GitHub's event names and the host guarantees
/// each event once, with only the fields that apply to it (docs/protocol.md §6), so this is a plain copy — except for
/// the path filters the plan job applies instead (<see cref="Skipping.PathFilters"/>).
/// </summary>
internal static class TriggerRenderer
{
    /// <param name="triggers">The workflow's triggers.</param>
    /// <param name="filteredByPlan">The events whose path filter the plan job applies: written without it.</param>
    public static IReadOnlyList<EventTrigger> Render(IReadOnlyList<Trigger> triggers, IReadOnlyCollection<string>? filteredByPlan = null)
    {
        var events = new List<EventTrigger>();
        foreach (var trigger in triggers)
        {
            // A guard, not a check: a repeated event would be a repeated YAML key.
            if (events.Exists(e => e.Event == trigger.Event))
            {
                throw InvalidGraphException.Broken($"each event appears once per workflow, but '{trigger.Event}' appears twice", trigger.Source);
            }

            var moved = filteredByPlan?.Contains(trigger.Event) == true;
            events.Add(new EventTrigger
            {
                Event = trigger.Event,
                Workflows = trigger.Workflows,
                Types = trigger.Types,
                Branches = trigger.Branches,
                BranchesIgnore = trigger.BranchesIgnore,
                Tags = trigger.Tags,
                TagsIgnore = trigger.TagsIgnore,
                Paths = moved ? [] : trigger.Paths,
                PathsIgnore = moved ? [] : trigger.PathsIgnore,
                Cron = trigger.Cron,
                Inputs = [.. trigger.Inputs.Select(Input)],
            });
        }

        return events;
    }

    private static DispatchInput Input(WorkflowInput input) => new()
    {
        Name = input.Name,
        Description = input.Description,
        Required = input.Required,
        Default = input.Default,
        Type = input.Type,
        Options = input.Options,
    };
}
