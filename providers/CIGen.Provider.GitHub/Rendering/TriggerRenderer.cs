using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Maps a workflow's triggers to <c>on:</c> events; the graph already uses GitHub's event names.</summary>
internal sealed class TriggerRenderer(DiagnosticBag diagnostics, string workflowId)
{
    private static readonly string[] EventsWithInputs = ["workflow_dispatch", "workflow_call"];

    public IReadOnlyList<EventTrigger> Render(IReadOnlyList<Trigger> triggers)
    {
        var events = new List<EventTrigger>();
        foreach (var trigger in triggers)
        {
            if (events.Exists(e => e.Event == trigger.Event))
            {
                diagnostics.Error(DiagnosticCodes.InvalidWorkflow, $"event '{trigger.Event}' is given twice under on:; merge them", trigger.Source, workflowId);
                continue;
            }

            CheckFieldsApply(trigger);
            events.Add(new EventTrigger
            {
                Event = trigger.Event,
                Workflows = trigger.Event == EventTrigger.WorkflowRun ? trigger.Workflows : [],
                Types = trigger.Types,
                Branches = trigger.Branches,
                BranchesIgnore = trigger.BranchesIgnore,
                Tags = trigger.Tags,
                TagsIgnore = trigger.TagsIgnore,
                Paths = trigger.Paths,
                PathsIgnore = trigger.PathsIgnore,
                Cron = trigger.Cron,
                Inputs = EventsWithInputs.Contains(trigger.Event) ? trigger.Inputs.Select(Input).ToList() : [],
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

    /// <summary>Settings that do not belong to the event would be silently meaningless; say so.</summary>
    private void CheckFieldsApply(Trigger trigger)
    {
        var isSchedule = trigger.Event == EventTrigger.Schedule;
        if (isSchedule && trigger.Cron.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidWorkflow, "schedule needs at least one cron expression", trigger.Source, workflowId);
        }

        (bool Given, string Field)[] fields =
        [
            (trigger.Workflows.Count > 0 && trigger.Event != EventTrigger.WorkflowRun, "workflows"),
            (trigger.Types.Count > 0 && isSchedule, "types"),
            (trigger.Branches.Count > 0 && isSchedule, "branches"),
            (trigger.BranchesIgnore.Count > 0 && isSchedule, "branches-ignore"),
            (trigger.Tags.Count > 0 && isSchedule, "tags"),
            (trigger.TagsIgnore.Count > 0 && isSchedule, "tags-ignore"),
            (trigger.Paths.Count > 0 && isSchedule, "paths"),
            (trigger.PathsIgnore.Count > 0 && isSchedule, "paths-ignore"),
            (trigger.Cron.Count > 0 && !isSchedule, "cron"),
            (trigger.Inputs.Count > 0 && !EventsWithInputs.Contains(trigger.Event), "inputs"),
        ];
        foreach (var (given, field) in fields)
        {
            if (given)
            {
                diagnostics.Warning(
                    DiagnosticCodes.InvalidWorkflow,
                    $"{field} does not apply to the {trigger.Event} event; it is ignored",
                    trigger.Source, workflowId);
            }
        }
    }
}
