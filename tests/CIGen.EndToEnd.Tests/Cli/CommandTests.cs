using CIGen.Core.Generation;
using CIGen.Core.Providers;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary><c>validate</c>, <c>providers</c>, <c>--version</c>, <c>--help</c> and usage errors.</summary>
public sealed class CommandTests : CliTestBase
{
    [Fact]
    public void Validate_reports_a_valid_config_and_runs_no_provider()
    {
        var result = Run("validate");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Be("cigen.yml: valid (1 workflow(s), 2 job(s)).\n");
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void Validate_prints_diagnostics_with_locations_and_exits_2()
    {
        File.WriteAllText(Project.Combine("cigen.yml"), "jobs:\n  build:\n    requires: [nope]\n    steps:\n      - run: x\n");

        var result = Run("validate");

        result.ExitCode.Should().Be(ExitCodes.ConfigInvalid, result.ToString());
        result.Error.Should().MatchRegex(@"cigen\.yml:3:\d+: error CIG\d+: .*nope");
    }

    [Fact]
    public void Providers_lists_each_found_provider_with_version_protocol_and_path()
    {
        Python();

        var result = Run("providers");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^NAME +VERSION +PROTOCOL +PATH$");
        foreach (var firstParty in new[] { "circleci", "github" })
        {
            lines.Should().Contain(l => l.StartsWith(firstParty + " ", StringComparison.Ordinal) &&
                                        l.EndsWith(Path.Combine(AppContext.BaseDirectory, "cigen-provider-" + firstParty), StringComparison.Ordinal));
        }

        lines.Should().Contain(l => l.StartsWith("python ", StringComparison.Ordinal) && l.EndsWith(" 1.0.0    2         " + Path.Combine(Providers.Path, "cigen-provider-python"), StringComparison.Ordinal));
    }

    [Fact]
    public void Providers_shows_the_name_a_provider_answers_and_its_file_when_they_differ()
    {
        Misbehaving("othername");

        var result = Run("providers");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().MatchRegex(@"\nsomeone-else \(file: cigen-provider-othername\) +0\.0\.1 +2 +/");
    }

    [Fact]
    public void Providers_reports_a_broken_provider_and_exits_4()
    {
        Misbehaving("wrongversion");

        var result = Run("providers");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailure, result.ToString());
        result.Output.Should().MatchRegex(@"wrongversion +\? +\? +/");
        result.Error.Should().Contain("chose protocol version 99");
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var result = Run("--version");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().StartWith(HostIdentity.Version);
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        var result = Run("--help");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().Contain("Exit codes:").And.Contain("3  --check: a generated file is missing or out of date");
    }

    [Theory]
    [InlineData("generate", "--bogus")]
    [InlineData("generate", "--provider-timeout", "0")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_1(params string[] arguments)
    {
        var result = Run(arguments);

        result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
        ShouldHaveWrittenNothing();
    }
}
