namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every job of a sample graph (approval jobs and matrix jobs included) appears in a returned file, by its id (a
/// matrix leg's name starts with it), or a diagnostic names it (its <c>job</c> field, or its message).
/// </summary>
internal sealed class JobsRenderedRule : ConformanceRule
{
    public override string Name => "jobs-rendered";

    public override RuleVerdict Judge(Observations seen) =>
        RenderedSearch.Judge(seen, (graph, search) =>
            from workflow in graph.Workflows
            from job in workflow.Jobs
            where !search.Rendered(job.Id)
                && !search.Diagnostics.Any(d => d.Job == job.Id && (d.Workflow is null || d.Workflow == workflow.Id))
                && !search.Mentioned(job.Id)
            select $"job '{job.Id}' of workflow '{workflow.Id}' is in no file and no diagnostic names it");
}
