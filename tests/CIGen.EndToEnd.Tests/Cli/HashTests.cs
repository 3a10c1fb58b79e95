using System.Security.Cryptography;
using System.Text;
using CIGen.Core.Config;
using CIGen.Core.Files;
using CIGen.Core.Generation;
using CIGen.Core.Hashing;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary><c>cigen hash --job WORKFLOW/JOB [--explain]</c>.</summary>
public sealed class HashTests : CliTestBase
{
    private const string Config = """
        jobs:
          build:
            source_files: ['src/**', '!src/**/*.md']
            steps:
              - run: echo build
          lint:
            steps:
              - run: echo lint
        """;

    public HashTests()
    {
        Project.Write("cigen.yml", Config);
        Project.Write("src/app.cs", "class App {}\n");
        Project.Write("src/sub dir/notes.md", "excluded\n");
        Project.Write("src/sub dir/é\\x.cs", "");
        Project.Write("README.md", "not an input\n");
    }

    [Fact]
    public void Prints_the_bare_job_hash_equal_to_the_core_value()
    {
        var result = Run("hash", "--job", "ci/build");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Be(Expected("build").Value + "\n").And.MatchRegex("^[0-9a-f]{64}\n$");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public void Explain_lists_each_input_with_its_content_hash_then_the_job_hash()
    {
        var result = Run("hash", "--job", "ci/build", "--explain", "--config", "cigen.yml");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var hash = Expected("build");
        var lines = result.Output.Split('\n')[..^1];
        lines.Should().Equal(
            $"{Sha("jobs:\n  build:\n    source_files: ['src/**', '!src/**/*.md']\n    steps:\n      - run: echo build\n  lint:\n    steps:\n      - run: echo lint")}  cigen.yml",
            $"{Sha("class App {}\n")}  src/app.cs",
            $"\\{TreeDigest.Empty}  src/sub dir/é\\\\x.cs",
            $"JOB_HASH {hash.Value}");

        // The listing is exactly what is hashed: `head -n -1 | sha256sum` reproduces the job hash.
        Sha(string.Join("", lines[..^1].Select(l => l + "\n"))).Should().Be(hash.Value);
    }

    [Fact]
    public void A_job_without_source_files_is_hashed_over_its_definition_and_said_to_be_never_skipped()
    {
        var result = Run("hash", "--job", "ci/lint");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Be(Expected("lint").Value + "\n");
        Expected("lint").Files.Select(f => f.Path).Should().Equal("cigen.yml");
        result.Error.Should().Contain("ci/lint has no source_files, so it is never skipped");
    }

    [Theory]
    [InlineData("ci/biuld", "did you mean `ci/build`?")]
    [InlineData("build", "did you mean `ci/build`?")]
    [InlineData("nope/nothing", "one of: ci/build, ci/lint")]
    public void An_unknown_job_exits_2_naming_the_jobs(string job, string hint)
    {
        var result = Run("hash", "--job", job);

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"error {GenerationCodes.UnknownJob}: unknown job `{job}`").And.Contain(hint)
            .And.Contain("one of: ci/build, ci/lint");
    }

    [Fact]
    public void Every_name_plan_prints_is_accepted_by_hash_with_the_same_hash()
    {
        Project.Write("cigen.yml", """
            jobs:
              tests:
                source_files: ['src/**']
                architectures: [amd64, arm64]
                matrix:
                  python: ['3.13', '3.14', pypy-3.11]
                  exclude: [{arch: arm64, python: pypy-3.11}]
                steps:
                  - run: echo test
              lint:
                steps:
                  - run: echo lint
            """);

        var plan = Run("plan");
        plan.ExitCode.Should().Be(ExitCodes.Success, plan.ToString());
        var rows = plan.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (Name: parts[0], Hash: parts[1]))
            .ToList();
        rows.Should().HaveCount(6, "five legs and one job without a matrix");
        rows.Should().Contain(r => r.Name == "ci/tests_arm64_3_14");

        foreach (var (name, planned) in rows)
        {
            var hash = Run("hash", "--job", name);
            hash.ExitCode.Should().Be(ExitCodes.Success, $"{name}: {hash}");
            hash.Output.Should().Be(planned + "\n", name);
        }

        var leg = Run("hash", "--job", "ci/tests_amd64_pypy-3_11");
        leg.Error.Should().Contain("note: ci/tests_amd64_pypy-3_11 is the leg `arch: amd64, python: pypy-3.11` of job ci/tests");
    }

    [Fact]
    public void A_leg_the_matrix_leaves_out_is_an_unknown_job()
    {
        Project.Write("cigen.yml", """
            jobs:
              tests:
                source_files: ['src/**']
                architectures: [amd64, arm64]
                matrix:
                  exclude: [{arch: arm64}]
                  include: [{arch: amd64}]
                steps:
                  - run: echo test
            """);

        Run("hash", "--job", "ci/tests_amd64").ExitCode.Should().Be(ExitCodes.Success);
        var result = Run("hash", "--job", "ci/tests_arm64");
        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Error.Should().Contain($"error {GenerationCodes.UnknownJob}: unknown job `ci/tests_arm64`");
    }

    [Fact]
    public void An_invalid_config_prints_its_diagnostics_and_exits_2()
    {
        Project.Write("cigen.yml", "jobs:\n  build:\n    requires: [nope]\n    steps:\n      - run: x\n");

        var result = Run("hash", "--job", "ci/build");

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().MatchRegex(@"cigen\.yml:3:\d+: error CIG\d+: .*nope");
    }

    [Fact]
    public void Without_job_it_is_a_usage_error()
    {
        Run("hash").ExitCode.Should().Be(ExitCodes.Usage);
    }

    private JobHash Expected(string job)
    {
        var graph = ConfigLoader.Load(new ConfigLocation(Project.Combine("cigen.yml"), Project.Path, IsSplit: false)).Graph!;
        return JobHash.Compute(Project.Path, graph.Workflows.Single().Jobs.Single(j => j.Id == job));
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
