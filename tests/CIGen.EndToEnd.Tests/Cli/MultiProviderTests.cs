using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>One config, several providers in one run: concurrent processes, all or nothing, one --check over all.</summary>
public sealed class MultiProviderTests : IDisposable
{
    private const string Config = """
        jobs:
          build:
            steps:
              - run: make build
          test:
            requires: [build]
            steps:
              - name: Test
                run: make test
              - name: Upload the report
                uses: actions/upload-artifact@v4
                with: {name: report, path: report/}

        """;

    private readonly TempDirectory project = new();

    private Cigen.Result Run(params string[] arguments) => Cigen.Run(project.Path, arguments);

    [Fact]
    public void A_repeated_provider_option_generates_for_each_provider()
    {
        project.Write("cigen.yml", Config.Replace("uses: actions/upload-artifact@v4", "only: github-actions\n        uses: actions/upload-artifact@v4", StringComparison.Ordinal));

        var result = Run("generate", "--provider", "github-actions", "--provider", "circleci");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        project.Files().Should().Equal(".circleci/config.yml", ".github/workflows/ci.yml", "cigen.yml");
        File.ReadAllText(project.Combine(".circleci", "config.yml")).Should().NotContain("upload-artifact", "the step is limited to GitHub");
        File.ReadAllText(project.Combine(".github", "workflows", "ci.yml")).Should().Contain("uses: actions/upload-artifact@v4");
    }

    [Fact]
    public void A_uses_step_fails_only_the_circleci_provider_naming_the_job_and_nothing_is_written()
    {
        project.Write("cigen.yml", Config + "providers: [github-actions, circleci]\n");

        var result = Run("generate");

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        var errors = result.Error.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).ToList();
        errors.Should().ContainSingle().Which.Should()
            .StartWith("cigen.yml:10:9: error circleci.")
            .And.Contain("`test`")
            .And.Contain("uses: actions/upload-artifact@v4")
            .And.EndWith("[circleci]");
        result.Error.Should().Contain("cigen: nothing was written.");
        project.Files().Should().Equal("cigen.yml");
    }

    [Fact]
    public void Check_covers_every_provider_and_names_the_file_that_drifted()
    {
        project.Write("cigen.yml", Config.Replace("uses: actions/upload-artifact@v4", "only: github\n        uses: actions/upload-artifact@v4", StringComparison.Ordinal) + "providers: [github, circleci]\n");
        Run("generate").ExitCode.Should().Be(ExitCodes.Success);
        Run("generate", "--check").ExitCode.Should().Be(ExitCodes.Success);

        File.AppendAllText(project.Combine(".circleci", "config.yml"), "# edited by hand\n");
        var check = Run("generate", "--check");

        check.ExitCode.Should().Be(ExitCodes.Drift, check.ToString());
        check.Error.Should().Contain("out of date: .circleci/config.yml").And.NotContain(".github/workflows/ci.yml");
        check.Output.Should().Contain("-# edited by hand");
    }

    public void Dispose() => project.Dispose();
}
