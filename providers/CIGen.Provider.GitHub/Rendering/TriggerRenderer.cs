using CIGen.Provider.Sdk;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Maps a workflow's triggers to <c>on:</c> events. The graph already uses GitHub's event names and the host guarantees
/// each event once, with only the fields that apply to it (docs/protocol.md §6), so this is a plain copy.
/// </summary>
internal static class TriggerRenderer
{
    public static IReadOnlyList<EventTrigger> Render(IReadOnlyList<Trigger> triggers)
    {
        var events = new List<EventTrigger>();
        foreach (var trigger in triggers)
        {
            // A guard, not a check: a repeated event would be a repeated YAML key.
            if (events.Exists(e => e.Event == trigger.Event))
            {
                throw InvalidGraphException.Broken($"each event appears once per workflow, but '{trigger.Event}' appears twice", trigger.Source);
            }

            events.Add(new EventTrigger
            {
                Event = trigger.Event,
                Workflows = trigger.Workflows,
                Types = trigger.Types,
                Branches = trigger.Branches,
                BranchesIgnore = trigger.BranchesIgnore,
                Tags = trigger.Tags,
                TagsIgnore = trigger.TagsIgnore,
                Paths = trigger.Paths,
                PathsIgnore = trigger.PathsIgnore,
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
