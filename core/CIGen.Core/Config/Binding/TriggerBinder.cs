using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary><c>on:</c> in GitHub's trigger syntax: an event, a list of events, or a mapping of events to filters.</summary>
internal static class TriggerBinder
{
    private static readonly string[] Events =
    [
        "branch_protection_rule", "check_run", "check_suite", "create", "delete", "deployment", "deployment_status",
        "discussion", "discussion_comment", "fork", "gollum", "issue_comment", "issues", "label", "merge_group",
        "milestone", "page_build", "public", "pull_request", "pull_request_review", "pull_request_review_comment",
        "pull_request_target", "push", "registry_package", "release", "repository_dispatch", "schedule", "status",
        "watch", "workflow_call", "workflow_dispatch", "workflow_run",
    ];

    private static readonly string[] BranchFilters = ["branches", "branches-ignore"];
    private static readonly string[] PathFilters = ["paths", "paths-ignore"];
    private static readonly KeySet PushKeys = new("a mapping of filters", [.. BranchFilters, "tags", "tags-ignore", .. PathFilters]);
    private static readonly KeySet PullRequestKeys = new("a mapping of filters", [.. BranchFilters, .. PathFilters, "types"]);
    private static readonly KeySet WorkflowRunKeys = new("a mapping `{workflows, types, branches}`", ["workflows", "types", .. BranchFilters]);
    private static readonly KeySet DispatchKeys = new("a mapping `{inputs}`", ["inputs"]);
    private static readonly KeySet TypesKeys = new("a mapping `{types}`", ["types"]);
    private static readonly KeySet ScheduleKeys = new("a mapping `{cron}`", ["cron"]);
    private static readonly KeySet InputKeys = new("a mapping `{description, required, default, type, options}`", ["description", "required", "default", "type", "options"]);
    private static readonly string[] InputTypes = ["string", "boolean", "choice", "number", "environment"];

    public static IReadOnlyList<Trigger> Bind(ConfigNode node, string what, NodeReader reader)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar:
                return ByName(scalar, what, reader) is { } trigger ? [trigger] : [];
            case SequenceNode { Items.Count: 0 } or MapNode { Entries.Count: 0 }:
                reader.Error(DiagnosticCodes.InvalidTrigger, node,
                    $"{what} names no event; name at least one (e.g. `on: push`), or leave `on` out to run on push and pull_request");
                return [];
            case SequenceNode sequence:
                return EventList(sequence, what, reader);
            case MapNode map:
                return [.. map.Entries.Where(e => Event(e.Key, what, reader)).Select(e => BindEvent(e, what, reader))];
            default:
                reader.WrongType(node, what, "an event, a list of events or a mapping of events to filters");
                return [];
        }
    }

    /// <summary>A list of event names; each event once, since GitHub keys <c>on:</c> by event.</summary>
    private static List<Trigger> EventList(SequenceNode sequence, string what, NodeReader reader)
    {
        var triggers = new List<Trigger>();
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode { IsNull: false } name)
            {
                reader.WrongType(item, $"each item of {what}", "an event name");
            }
            else if (triggers.Find(t => t.Event == name.Value) is { } first)
            {
                reader.Error(DiagnosticCodes.InvalidTrigger, name,
                    $"`{name.Value}` is listed twice in {what} (first at line {first.Source.Line}); list each event once");
            }
            else if (ByName(name, what, reader) is { } trigger)
            {
                triggers.Add(trigger);
            }
        }

        return triggers;
    }

    /// <summary>An event given by name only, without settings; <c>schedule</c> means nothing without its cron lines.</summary>
    private static Trigger? ByName(ScalarNode name, string what, NodeReader reader)
    {
        if (!Event(name, what, reader))
        {
            return null;
        }

        if (name.Value == "schedule")
        {
            reader.Error(DiagnosticCodes.InvalidTrigger, name,
                $"`schedule` in {what} needs its cron expressions; write it as a mapping: `on: {{schedule: [{{cron: '0 3 * * *'}}]}}`");
            return null;
        }

        return new Trigger { Event = name.Value, Source = name.Location };
    }

    private static Trigger BindEvent(MapEntry entry, string what, NodeReader reader)
    {
        var trigger = new Trigger { Event = entry.Name, Source = entry.Key.Location };
        var label = $"`{entry.Name}` in {what}";
        switch (entry.Name)
        {
            case "schedule":
                return trigger with { Cron = Cron(entry.Value, label, reader) };
            case "push":
                var push = reader.Map(entry.Value, label, PushKeys);
                return Filters(push, trigger) with { Tags = List(push, "tags"), TagsIgnore = List(push, "tags-ignore") };
            case "pull_request" or "pull_request_target":
                var pr = reader.Map(entry.Value, label, PullRequestKeys);
                return Filters(pr, trigger) with { Types = List(pr, "types") };
            case "workflow_run":
                var run = reader.Map(entry.Value, label, WorkflowRunKeys);
                run.Require("workflows", entry.Key, "workflows: [CI]");
                return Filters(run, trigger) with { Workflows = List(run, "workflows"), Types = List(run, "types") };
            case "workflow_dispatch" or "workflow_call":
                var dispatch = reader.Map(entry.Value, label, DispatchKeys);
                return trigger with { Inputs = Inputs(dispatch, reader) };
            default:
                return trigger with { Types = List(reader.Map(entry.Value, label, TypesKeys), "types") };
        }
    }

    private static Trigger Filters(MapReader map, Trigger trigger)
    {
        map.Exclusive("branches", "branches-ignore", "use `branches` with `!pattern` entries to exclude");
        map.Exclusive("tags", "tags-ignore", "use `tags` with `!pattern` entries to exclude");
        map.Exclusive("paths", "paths-ignore", "use `paths` with `!pattern` entries to exclude");
        return trigger with
        {
            Branches = List(map, "branches"),
            BranchesIgnore = List(map, "branches-ignore"),
            Paths = List(map, "paths"),
            PathsIgnore = List(map, "paths-ignore"),
        };
    }

    private static IReadOnlyList<string> List(MapReader map, string key) => map.PlainStrings(key, allowSingle: true);

    private static IReadOnlyList<string> Cron(ConfigNode node, string what, NodeReader reader)
    {
        if (node is not SequenceNode sequence)
        {
            reader.WrongType(node, what, "a list of `{cron: '...'}` entries");
            return [];
        }

        if (sequence.Items.Count == 0)
        {
            reader.Error(DiagnosticCodes.InvalidTrigger, node,
                $"{what} lists no cron expression; add at least one, e.g. `- cron: '0 3 * * *'`, or remove `schedule`");
            return [];
        }

        var crons = new List<string>();
        foreach (var item in sequence.Items)
        {
            var entry = reader.Map(item, $"an entry of {what}", ScheduleKeys);
            if (entry.Require("cron", item, "cron: '0 3 * * *'") && entry.String("cron") is { } cron)
            {
                if (CronExpression.Problem(cron) is { } problem)
                {
                    reader.Error(DiagnosticCodes.InvalidTrigger, entry.Get("cron")!,
                        $"`{cron}` in {what} is not a cron expression: {problem}; write five fields `minute hour day-of-month month day-of-week`, e.g. '0 3 * * 1-5'");
                }

                crons.Add(cron);
            }
        }

        return crons;
    }

    private static IReadOnlyList<WorkflowInput> Inputs(MapReader dispatch, NodeReader reader)
    {
        var inputs = new List<WorkflowInput>();
        foreach (var entry in reader.Entries(dispatch.Get("inputs"), dispatch.Label("inputs"), "a mapping of input names to `{description, type, ...}`"))
        {
            if (!Names.IsId(entry.Name))
            {
                reader.Error(DiagnosticCodes.InvalidName, entry.Key, $"input name `{entry.Name}` is not valid; use {Names.IdRule}");
                continue;
            }

            var input = reader.Map(entry.Value, $"input `{entry.Name}`", InputKeys);
            var type = input.String("type");
            if (type is not null && !InputTypes.Contains(type))
            {
                reader.Error(DiagnosticCodes.InvalidValue, input.Get("type")!,
                    $"unknown input type `{type}`{Suggestions.DidYouMean(type, InputTypes)}; use one of: {string.Join(", ", InputTypes)}");
            }

            var options = input.PlainStrings("options", allowSingle: false);
            if (type == "choice" && options.Count == 0)
            {
                input.Require("options", entry.Key, "options: [staging, production]");
            }

            CheckDefault(input, $"input `{entry.Name}`", type, options, reader);

            inputs.Add(new WorkflowInput
            {
                Name = entry.Name,
                Description = input.String("description"),
                Required = input.Bool("required"),
                Default = input.Get("default") is ScalarNode { IsNull: false } value ? value.ToScalar() : DefaultOrNull(input),
                Type = type,
                Options = options,
            });
        }

        return inputs;
    }

    /// <summary>GitHub rejects a workflow whose input default does not fit the input's type, but only when it runs.</summary>
    private static void CheckDefault(MapReader input, string what, string? type, IReadOnlyList<string> options, NodeReader reader)
    {
        if (input.Get("default") is not ScalarNode { IsNull: false } node)
        {
            return;
        }

        var value = node.ToScalar();
        var label = $"the default of {what},";
        switch (type)
        {
            case "choice" when options.Count > 0 && !options.Contains(value.Text):
                reader.Error(DiagnosticCodes.InvalidValue, node,
                    $"{label} `{value.Text}`, is not one of its options ({string.Join(", ", options)}); use one of them or add it to `options`");
                break;
            case "boolean" when value.Kind != ScalarKind.Boolean:
                reader.Error(DiagnosticCodes.InvalidValue, node, $"{label} `{value.Text}`, is not a boolean; use true or false (unquoted)");
                break;
            case "number" when value.Kind != ScalarKind.Number:
                reader.Error(DiagnosticCodes.InvalidValue, node, $"{label} `{value.Text}`, is not a number; write a number, unquoted (e.g. 3)");
                break;
        }
    }

    private static Scalar? DefaultOrNull(MapReader input)
    {
        if (input.Get("default") is { } node and not ScalarNode { IsNull: true })
        {
            input.Reader.WrongType(node, input.Label("default"), "a string, number or boolean");
        }

        return null;
    }

    private static bool Event(ScalarNode name, string what, NodeReader reader)
    {
        if (Events.Contains(name.Value))
        {
            return true;
        }

        reader.Error(DiagnosticCodes.InvalidTrigger, name,
            $"`{name.Value}` in {what} is not a workflow event{Suggestions.DidYouMean(name.Value, Events)}; use GitHub's event names, e.g. push, pull_request, schedule, workflow_dispatch");
        return false;
    }
}
