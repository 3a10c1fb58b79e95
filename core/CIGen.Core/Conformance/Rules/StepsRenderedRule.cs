using CIGen.Protocol;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every named step of a sample graph, in jobs and in commands, appears in a returned file by its name, or a
/// diagnostic points at it (its file and line) or names it. <c>setup_package</c> steps are left out: a platform
/// whose image brings the tool renders nothing for them, as the protocol allows.
/// </summary>
internal sealed class StepsRenderedRule : ConformanceRule
{
    public override string Name => "steps-rendered";

    public override RuleVerdict Judge(Observations seen) =>
        RenderedSearch.Judge(seen, (graph, search) =>
        {
            var inJobs = from workflow in graph.Workflows
                         from job in workflow.Jobs
                         from step in job.Steps
                         select (Owner: $"job '{job.Id}' of workflow '{workflow.Id}'", Step: step);
            var inCommands = from command in graph.Commands
                             from step in command.Steps
                             select (Owner: $"command '{command.Name}'", Step: step);
            return inJobs.Concat(inCommands)
                .Where(s => s.Step is not SetupPackageStep and { Name.Length: > 0 })
                .Where(s => !search.Rendered(s.Step.Name!) && !search.PointsAt(s.Step.Source) && !search.Mentioned(s.Step.Name!))
                .Select(s => $"step '{s.Step.Name}' of {s.Owner} is in no file and no diagnostic points at it");
        });
}
