using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Meaning;

namespace CIGen.EndToEnd.Tests.Examples;

/// <summary>
/// Issue 4's acceptance shape through the real processes: a 2 archs × 2 versions matrix job with a health-checked
/// service, an approval, and a job that runs when the matrix job OR the approval succeeded.
/// </summary>
public sealed class ParityConfigTests
{
    private const string Config = "tests/CIGen.EndToEnd.Tests/Fixtures/parity/.cigen";

    private static IReadOnlyList<OutputFile> Generate()
    {
        using var output = new TempDirectory();
        var result = Cigen.Run(RepositoryPaths.Root, ["generate", "--config", Config, "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().NotContain(" error ").And.NotContain(" warning ");
        return output.Files().Select(path => new OutputFile(path, File.ReadAllText(output.Combine(path)))).ToList();
    }

    [Fact]
    public void Both_outputs_match_their_golden_files_and_validate()
    {
        var files = Generate();

        files.Select(f => f.Path).Should().Equal(".circleci/config.yml", ".github/workflows/main.yml");
        foreach (var file in files)
        {
            Golden.AssertMatches(file.Content, $"parity/{file.Path}");
        }

        Validators.AssertValidGitHubWorkflows(files.Where(f => f.Path.StartsWith(".github/", StringComparison.Ordinal)));
        Validators.AssertValidCircleCiConfigs(files.Where(f => f.Path.StartsWith(".circleci/", StringComparison.Ordinal)));
    }

    [Fact]
    public void GitHub_runs_the_or_job_when_its_and_dependency_and_any_alternative_succeeded()
    {
        var workflow = Generate().Single(f => f.Path == ".github/workflows/main.yml").Content;

        workflow.Should().Contain("    needs: [smoke, test, manual_ok]\n")
            .And.Contain("    if: \"!cancelled() && needs.smoke.result == 'success' && "
                         + "(needs.test.result == 'success' || needs.manual_ok.result == 'success') && (github.ref == 'refs/heads/main')\"\n")
            .And.Contain("        arch: [amd64, arm64]\n        ruby: ['3.2', '3.3']\n")
            .And.Contain("--health-cmd \"redis-cli ping\"");
    }

    [Fact]
    public void CircleCI_has_the_gate_a_shim_per_alternative_and_every_matrix_leg_wired_to_its_dependents()
    {
        var config = Generate().Single(f => f.Path == ".circleci/config.yml").Content;
        string[] legs = ["test_amd64_3_2", "test_amd64_3_3", "test_arm64_3_2", "test_arm64_3_3"];

        // Each leg is a job the workflow runs by its own name (legs that differ only in their values share a definition).
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(config));
        CircleCiProcessedJobs.Of((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode).Keys.Should().Contain(legs);

        config.Should().Contain("      - release_gate:\n          type: approval\n")
            .And.Contain("      - release_gate_via_test:\n          requires: [" + string.Join(", ", legs) + "]\n")
            .And.Contain("      - release_gate_via_manual_ok:\n          requires: [manual_ok]\n")
            .And.Contain("      - release:\n          requires: [smoke, release_gate]\n")
            .And.Contain("  automated_approval:\n")
            .And.Contain("name: Wait for services");
    }
}
