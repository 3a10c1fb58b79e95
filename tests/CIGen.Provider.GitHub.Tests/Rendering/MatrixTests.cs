using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Validation;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Architectures and matrix as GitHub's native <c>strategy.matrix</c>, with the runner following the arch.</summary>
public class MatrixTests
{
    private static Job Matrix(params string[] architectures) => G.Job("test", G.Run("make test")) with
    {
        Architectures = architectures,
        Matrix = [new MatrixDimension("ruby", ["3.2", "3.3"])],
        MatrixLegs = [MatrixSample.Leg("3_2", ("ruby", "3.2")), MatrixSample.Leg("3_3", ("ruby", "3.3"))],
    };

    [Fact]
    public void Writes_arch_first_then_dimensions_include_exclude_and_fail_fast_with_the_runner_per_arch()
    {
        var text = Render.Single(MatrixSample.Graph());

        Render.From(text, "  test:").Should().StartWith("""
              test:
                strategy:
                  fail-fast: false
                  matrix:
                    arch: [amd64, arm64]
                    ruby: ['3.2', '3.3']
                    include:
                      - arch: amd64
                        ruby: '3.4'
                        experimental: true
                    exclude:
                      - arch: arm64
                        ruby: '3.2'
                runs-on: ${{ matrix.arch == 'arm64' && 'ubuntu-24.04-arm' || 'ubuntu-latest' }}
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_matrix_without_architectures_has_no_arch_dimension_and_the_default_runner()
    {
        var text = Render.Jobs(Matrix());

        text.Should().Contain("      matrix:\n        ruby: ['3.2', '3.3']\n    runs-on: ubuntu-latest\n").And.NotContain("arch").And.NotContain("fail-fast");
    }

    [Theory]
    [InlineData("arm64", "ubuntu-24.04-arm")]
    [InlineData("amd64", "ubuntu-latest")]
    public void One_architecture_picks_its_hosted_runner_directly(string arch, string runner) =>
        Render.Jobs(Matrix(arch)).Should().Contain($"        arch: [{arch}]\n").And.Contain($"    runs-on: {runner}\n");

    [Fact]
    public void Labels_given_directly_win_over_the_hosted_runner_of_the_arch()
    {
        var job = Matrix("amd64", "arm64") with { Runner = new RunnerSelection { RunsOn = ["self-hosted", "${{ matrix.arch }}"] } };

        Render.Jobs(job).Should().Contain("    runs-on: [self-hosted, '${{ matrix.arch }}']\n");
    }

    [Fact]
    public void Matrix_references_pass_through_to_names_steps_and_env_and_nothing_is_reported_unsupported()
    {
        var result = Render.Graph(MatrixSample.Graph());

        result.Diagnostics.Should().BeEmpty();
        var text = result.Files.Single().Content;
        text.Should().Contain("RUBY_VERSION: ${{ matrix.ruby }}").And.Contain("name: Test on ${{ matrix.arch }} with Ruby ${{ matrix.ruby }}");
    }

    [Fact]
    public void The_matrix_output_passes_githubs_validators() =>
        Validators.AssertValidGitHubWorkflows(Render.Graph(MatrixSample.Graph()).Files);

    [Fact]
    public void A_matrix_value_scripts_read_is_declared_once_in_the_jobs_env_and_a_users_job_variable_of_that_name_stays_in_charge()
    {
        var job = Matrix() with { Steps = [G.Run("make test RUBY=${{ matrix.ruby }}"), G.Run("echo \"${{ matrix.ruby }}\"", "Show")] };

        var workflow = new WorkflowReadBack(Render.Single(G.Graph(G.Workflow("ci", job))));
        WorkflowReadBack.Pairs(WorkflowReadBack.Mapping(workflow.Job("test"), "env")).Should().Equal(new Dictionary<string, string> { ["MATRIX_RUBY"] = "${{ matrix.ruby }}" });
        var steps = WorkflowReadBack.Steps(workflow.Job("test"));
        steps.Should().OnlyContain(s => WorkflowReadBack.Mapping(s, "env") == null);
        WorkflowReadBack.Text(steps[^1], "run").Should().Be("echo \"${MATRIX_RUBY}\"");

        var own = job with { Env = G.Env(("MATRIX_RUBY", "mine")) };
        var kept = new WorkflowReadBack(Render.Single(G.Graph(G.Workflow("ci", own))));
        WorkflowReadBack.Pairs(WorkflowReadBack.Mapping(kept.Job("test"), "env")).Should().Equal(new Dictionary<string, string> { ["MATRIX_RUBY"] = "mine" });
        WorkflowReadBack.Steps(kept.Job("test")).Where(s => WorkflowReadBack.Text(s, "run") != null).Should().HaveCount(2).And.OnlyContain(s => WorkflowReadBack.Pairs(WorkflowReadBack.Mapping(s, "env"))["MATRIX_RUBY"] == "${{ matrix.ruby }}");
    }
}
