using CIGen.EndToEnd.Tests.Examples;
using CIGen.Protocol;
using CIGen.Testing.Meaning;
using CIGen.Testing;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Meaning;

/// <summary>
/// No toolchain version differs between providers in the ported real projects: for every job (every CircleCI leg) and
/// package, the version GitHub sets up and the one CircleCI sets up, read back as each platform would
/// (<see cref="Toolchains"/>), are the version the core resolved.
/// </summary>
public sealed class RealProjectToolchainTests
{
    public static TheoryData<RealProjectConfigTests.Project> Projects => RealProjectConfigTests.Projects;

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_job_sets_up_the_same_toolchains_on_both_providers(RealProjectConfigTests.Project project)
    {
        var generated = RealProjectConfigTests.Of(project);
        var root = Path.Combine(RepositoryPaths.Root, project.Directory);
        var circleCiJobs = (YamlMappingNode)Load(CircleCiCommands.Inline(generated.Text(".circleci/config.yml"), CircleCiCommands.IsNotCigens))["jobs"];
        var compared = 0;
        foreach (var workflow in generated.Graph.Workflows)
        {
            var gitHubJobs = (YamlMappingNode)Load(GitHubSetupActions.Inline(generated.Text($".github/workflows/{workflow.Id}.yml"), generated.Files))["jobs"];
            foreach (var job in workflow.Jobs.Where(j => j.Type is null))
            {
                var legs = CircleCiNames(job, workflow).Where(name => circleCiJobs.Children.ContainsKey(name)).ToList();
                legs.Should().NotBeEmpty($"job {workflow.Id}/{job.Id} is on CircleCI");
                foreach (var package in job.Packages.Where(p => p.SetupVersion is not null))
                {
                    var github = Toolchains.GitHub((YamlMappingNode)gitHubJobs[job.Id], package.Name, root, package.Directory);
                    Toolchains.Same(package.Name, github, package.SetupVersion!).Should().BeTrue(
                        $"GitHub sets up {package.Name} {github} in {workflow.Id}/{job.Id}, the core resolved {package.SetupVersion}");
                    foreach (var leg in legs)
                    {
                        var circleci = Toolchains.CircleCi((YamlMappingNode)circleCiJobs[leg], package.Name, root, package.Directory);
                        Toolchains.Same(package.Name, circleci, package.SetupVersion!).Should().BeTrue(
                            $"CircleCI sets up {package.Name} {circleci} in {leg}, the core resolved {package.SetupVersion}");
                        compared++;
                    }
                }
            }
        }

        compared.Should().BePositive("the project's jobs set up toolchains");
    }

    /// <summary>The names CircleCI may give the job (<c>JobNames</c>): its id or <c>workflow_id</c>, per leg with the leg's suffix.</summary>
    private static IEnumerable<string> CircleCiNames(Job job, Workflow workflow)
    {
        string[] bases = [job.Id, $"{workflow.Id}_{job.Id}"];
        return job.MatrixLegs.Count == 0 ? bases : bases.SelectMany(b => job.MatrixLegs.Select(l => $"{b}_{l.Suffix}"));
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
