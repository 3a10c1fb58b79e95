namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every workflow of a sample graph produces output (its id appears in a returned file's path or content) or a
/// diagnostic about it (its <c>workflow</c> field, or its message, names it): a workflow never vanishes silently.
/// </summary>
internal sealed class WorkflowsRenderedRule : ConformanceRule
{
    public override string Name => "workflows-rendered";

    public override RuleVerdict Judge(Observations seen) =>
        RenderedSearch.Judge(seen, (graph, search) => graph.Workflows
            .Where(w => !search.Rendered(w.Id) && !search.Diagnostics.Any(d => d.Workflow == w.Id) && !search.Mentioned(w.Id))
            .Select(w => $"workflow '{w.Id}' is in no file and no diagnostic names it"));
}
