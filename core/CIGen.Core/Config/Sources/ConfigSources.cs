using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Sources;

// The config with its file layout taken away: split and inline configs both end up in this shape, so everything after
// reading (binding, validation, resolution) is one code path and both forms give the identical graph by construction.

/// <param name="Root">Top-level settings (fragments merged), without <c>workflows</c>, <c>jobs</c> and <c>commands</c>.</param>
/// <param name="RootFiles">Files every job is defined by: <c>.cigen/config.yml</c> and fragments, or the inline file.</param>
internal sealed record ConfigSources(
    MapNode Root,
    IReadOnlyList<WorkflowSource> Workflows,
    IReadOnlyList<CommandSource> Commands,
    IReadOnlyList<string> RootFiles);

/// <param name="Settings">The workflow's keys except <c>jobs</c>, merged from every place they were written.</param>
/// <param name="Files">Workflow settings files (split form) that jobs of this workflow are defined by.</param>
internal sealed record WorkflowSource(
    string Id,
    SourceLocation Location,
    MapNode Settings,
    IReadOnlyList<JobSource> Jobs,
    IReadOnlyList<string> Files);

/// <param name="Body">The job's mapping; null for an empty job file.</param>
internal sealed record JobSource(string Id, SourceLocation Location, ConfigNode? Body, string File);

/// <param name="Body">The command's mapping (<c>steps</c>, <c>description</c>); null for an empty file.</param>
internal sealed record CommandSource(string Name, SourceLocation Location, ConfigNode? Body, string File);
