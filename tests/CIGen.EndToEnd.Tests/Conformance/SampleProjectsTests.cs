using CIGen.Core.Config;
using CIGen.Core.Conformance;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>
/// The kit's sample projects load cleanly through the real config pipeline and, together, exercise every part of the
/// graph a provider must handle; this keeps them from losing coverage as they are edited.
/// </summary>
public sealed class SampleProjectsTests : IDisposable
{
    private readonly SampleProjects samples = SampleProjects.Load();

    [Fact]
    public void Every_sample_loads_without_a_diagnostic()
    {
        samples.Projects.Select(p => p.Name).Should().Equal("delivery", "matrices", "split");
        foreach (var project in samples.Projects)
        {
            ConfigLoader.Load(project.Config.Location).Diagnostics.Should().BeEmpty(project.Name);
        }
    }

    [Fact]
    public void The_samples_cover_the_contract()
    {
        var graphs = samples.Projects.Select(p => p.Graph).ToList();
        var jobs = graphs.SelectMany(g => g.Workflows).SelectMany(w => w.Jobs).ToList();
        var steps = jobs.SelectMany(j => j.Steps).Concat(graphs.SelectMany(g => g.Commands).SelectMany(c => c.Steps)).ToList();
        var triggers = graphs.SelectMany(g => g.Workflows).SelectMany(w => w.Triggers).ToList();

        jobs.Should().Contain(j => j.Needs.Count > 0, "needs");
        jobs.Should().Contain(j => j.RequiresAny.Count > 0, "requires_any");
        jobs.Should().Contain(j => j.Type == "approval", "an approval job");
        jobs.Should().Contain(j => j.MatrixLegs.Count > 1 && j.Architectures.Count > 1 && j.MatrixInclude.Count > 0 && j.MatrixExclude.Count > 0, "a matrix");
        jobs.Should().Contain(j => j.MatrixLegs.Count == 1, "a matrix of one leg");
        jobs.Should().Contain(j => j.Services.Count > 0, "services");
        jobs.Should().Contain(j => j.Packages.Count > 0 && j.Cache.Count > 0, "packages with caches");
        jobs.Should().Contain(j => j.Skipping != null, "skipping by source files");
        jobs.Should().Contain(j => j.Runner != null, "runner profiles");
        jobs.Should().Contain(j => j.Condition != null, "job conditions");
        jobs.Should().Contain(j => j.TimeoutMinutes != null, "timeouts");
        steps.Should().Contain(s => s.Condition != null, "step conditions");
        steps.Should().Contain(s => s.Kind == StepKind.Command, "commands");
        steps.Select(s => s.Kind).Should().Contain([StepKind.RestoreCache, StepKind.SaveCache, StepKind.Uses, StepKind.SetupPackage, StepKind.KeyValues]);
        steps.Should().Contain(s => s.Only.Count > 0, "steps limited to one provider");
        triggers.Should().Contain(t => t.Tags.Count > 0 && t.Branches.Count > 0, "tag and branch filters");
        triggers.Select(t => t.Event).Should().Contain(["push", "pull_request", "schedule", "workflow_dispatch", "workflow_run"]);
        samples.Projects.Should().Contain(p => p.Config.Location.IsSplit && p.Config.GenerateOptions.OutputPath != null, "a split config with an output path");
    }

    public void Dispose() => samples.Dispose();
}
