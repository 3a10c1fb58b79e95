using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.EndToEnd.Tests.Generation;

public class DiagnosticFormatterTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Fact]
    public void A_located_diagnostic_reads_like_a_compiler_message_relative_to_the_current_directory()
    {
        var diagnostic = new Diagnostic(Severity.Error, "CIG003", "unknown key `stepz`; did you mean `steps`?", ".cigen/workflows/ci/jobs/test.yml", 3, 5);

        DiagnosticFormatter.Format(diagnostic, Root, Root).Should().Be(
            ".cigen/workflows/ci/jobs/test.yml:3:5: error CIG003: unknown key `stepz`; did you mean `steps`?");
        DiagnosticFormatter.Format(diagnostic, Root, Path.Combine(Root, "sub")).Should().StartWith("../.cigen/workflows/ci/jobs/test.yml:3:5: ");
    }

    [Fact]
    public void Missing_parts_of_the_location_are_left_out()
    {
        DiagnosticFormatter.Format(new Diagnostic(Severity.Warning, "X1", "m", "cigen.yml", 2), Root, Root).Should().Be("cigen.yml:2: warning X1: m");
        DiagnosticFormatter.Format(new Diagnostic(Severity.Warning, "X1", "m", "cigen.yml"), Root, Root).Should().Be("cigen.yml: warning X1: m");
        DiagnosticFormatter.Format(new Diagnostic(Severity.Info, "X1", "m"), Root, Root).Should().Be("info X1: m");
    }

    [Fact]
    public void Provider_diagnostics_name_the_provider_and_their_scope_when_they_have_no_file()
    {
        DiagnosticFormatter.Format(new Diagnostic(Severity.Warning, "GH001", "matrix is not supported yet", Workflow: "ci", Job: "test"), Root, Root, "github")
            .Should().Be("warning GH001: matrix is not supported yet (workflow 'ci', job 'test') [github]");
    }

    [Fact]
    public void A_message_quoting_line_breaks_stays_on_one_line()
    {
        // A provider's message, or a config value a message quotes, may hold line breaks; a diagnostic is one line.
        DiagnosticFormatter.Format(new Diagnostic(Severity.Error, "X1", "found `a:\n  b`\tthere", "cigen.yml", 2, 3), Root, Root)
            .Should().Be("cigen.yml:2:3: error X1: found `a:\\n  b`\\tthere");
    }

    [Theory]
    [InlineData(Severity.Error, true)]
    [InlineData(Severity.Warning, false)]
    [InlineData(Severity.Info, false)]
    [InlineData("fatal", true)]
    public void Only_warnings_and_infos_are_not_errors(string severity, bool isError) =>
        DiagnosticFormatter.IsError(new Diagnostic(severity, "X", "m")).Should().Be(isError);
}
