using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Sources;

/// <summary>
/// Gathers workflows, jobs and commands from wherever they are written (inline maps or split files), in the order they
/// are met, and reports the same job or command defined twice.
/// </summary>
internal sealed class StructureBuilder(DiagnosticBag diagnostics)
{
    /// <summary>Top-level <c>jobs:</c> belong to this workflow.</summary>
    public const string DefaultWorkflow = "ci";

    private readonly List<WorkflowParts> workflows = [];
    private readonly List<CommandSource> commands = [];

    /// <summary>Takes <c>workflows</c>, <c>jobs</c> and <c>commands</c> out of a top-level mapping; returns the rest.</summary>
    public MapNode TakeInlineStructure(MapNode root)
    {
        var rest = new List<MapEntry>();
        foreach (var entry in root.Entries)
        {
            switch (entry.Name)
            {
                case "workflows":
                    foreach (var workflow in MapOf(entry, "a mapping of workflow names to workflow settings"))
                    {
                        var settings = workflow.Value switch
                        {
                            MapNode map => map,
                            ScalarNode { IsNull: true } => MapNode.Empty(workflow.Key.File, workflow.Key.Line, workflow.Key.Column),
                            _ => null,
                        };
                        if (settings is null)
                        {
                            diagnostics.Error(DiagnosticCodes.WrongType, workflow.Value,
                                $"workflow `{workflow.Name}` must be a mapping (on, permissions, concurrency, env, jobs, name), found {workflow.Value.Describe()}");
                            continue;
                        }

                        AddWorkflowSettings(workflow.Name, workflow.Key.Location, settings, file: null);
                    }

                    break;
                case "jobs":
                    AddJobMap(DefaultWorkflow, entry);
                    break;
                case "commands":
                    foreach (var command in MapOf(entry, "a mapping of command names to `{steps, description}`"))
                    {
                        AddCommand(new CommandSource(command.Name, command.Key.Location, command.Value, command.Key.File));
                    }

                    break;
                default:
                    rest.Add(entry);
                    break;
            }
        }

        return root with { Entries = rest };
    }

    /// <summary>A workflow's settings mapping; its <c>jobs</c> are taken out and added as jobs.</summary>
    /// <param name="file">The workflow settings file (split form), which every job of the workflow is defined by.</param>
    public void AddWorkflowSettings(string id, SourceLocation at, MapNode settings, string? file)
    {
        var parts = Workflow(id);
        parts.SettingsLocation ??= at;
        if (file is not null && !parts.Files.Contains(file))
        {
            parts.Files.Add(file);
        }

        var withoutJobs = settings with { Entries = [.. settings.Entries.Where(e => e.Name != "jobs")] };
        parts.Settings = parts.Settings is null ? withoutJobs : FragmentMerger.Merge(parts.Settings, withoutJobs, diagnostics);
        if (settings.Find("jobs") is { } jobs)
        {
            AddJobMap(id, jobs);
        }
    }

    public void AddJob(string workflowId, JobSource job)
    {
        var parts = Workflow(workflowId);
        if (parts.Jobs.Find(j => j.Id == job.Id) is { } existing)
        {
            diagnostics.Error(DiagnosticCodes.DuplicateJob, job.Location,
                $"job `{job.Id}` of workflow `{workflowId}` is already defined at {Where(existing.Location)}; rename or remove one of them",
                new Scope(workflowId, job.Id));
            return;
        }

        parts.Jobs.Add(job);
    }

    public void AddCommand(CommandSource command)
    {
        if (commands.Find(c => c.Name == command.Name) is { } existing)
        {
            diagnostics.Error(DiagnosticCodes.DuplicateDefinition, command.Location,
                $"command `{command.Name}` is already defined at {Where(existing.Location)}; rename or remove one of them");
            return;
        }

        commands.Add(command);
    }

    public (IReadOnlyList<WorkflowSource> Workflows, IReadOnlyList<CommandSource> Commands) Build() =>
        ([.. workflows.Select(w =>
        {
            // A workflow exists only once something named it, so one of these locations is always set.
            var at = w.SettingsLocation ?? w.FallbackLocation ?? w.Jobs[0].Location;
            return new WorkflowSource(w.Id, at, w.Settings ?? MapNode.Empty(at.File, at.Line, at.Column), w.Jobs, w.Files);
        })],
         commands);

    private void AddJobMap(string workflowId, MapEntry jobsEntry)
    {
        var jobs = MapOf(jobsEntry, "a mapping of job ids to job definitions");
        Workflow(workflowId).FallbackLocation ??= jobsEntry.Key.Location;

        foreach (var job in jobs)
        {
            AddJob(workflowId, new JobSource(job.Name, job.Key.Location, job.Value, job.Key.File));
        }
    }

    private IReadOnlyList<MapEntry> MapOf(MapEntry entry, string expected)
    {
        switch (entry.Value)
        {
            case MapNode map:
                return map.Entries;
            case ScalarNode { IsNull: true }:
                return [];
            default:
                diagnostics.Error(DiagnosticCodes.WrongType, entry.Value, $"`{entry.Name}` must be {expected}, found {entry.Value.Describe()}");
                return [];
        }
    }

    private WorkflowParts Workflow(string id)
    {
        var parts = workflows.Find(w => w.Id == id);
        if (parts is null)
        {
            parts = new WorkflowParts(id);
            workflows.Add(parts);
        }

        return parts;
    }

    private static string Where(SourceLocation at) => $"{at.File}:{at.Line}:{at.Column}";

    private sealed class WorkflowParts(string id)
    {
        public string Id { get; } = id;

        public SourceLocation? SettingsLocation { get; set; }

        public SourceLocation? FallbackLocation { get; set; }

        public MapNode? Settings { get; set; }

        public List<JobSource> Jobs { get; } = [];

        public List<string> Files { get; } = [];
    }
}
