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
