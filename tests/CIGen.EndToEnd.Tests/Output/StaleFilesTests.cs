using CIGen.Core.Output;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Output;

public sealed class StaleFilesTests : IDisposable
{
    private static readonly string Header = GeneratedContent.Header(".cigen");
    private readonly TempDirectory root = new();

    private static GeneratedFile File(string path) => new(path, Header + "x: 1\n", "github");

    [Fact]
    public void A_file_cigen_generated_from_this_config_that_no_provider_returns_any_more_is_stale()
    {
        root.Write(".github/workflows/ci.yml", Header + "old\n");
        root.Write(".github/workflows/nightly.yml", Header + "removed from the config\n");

        StaleFiles.Find(root.Path, [".github/workflows/*.yml"], [File(".github/workflows/ci.yml")], ".cigen")
            .Should().Equal(".github/workflows/nightly.yml");
    }

    [Fact]
    public void Hand_written_files_and_files_generated_from_another_config_are_never_stale()
    {
        root.Write(".github/workflows/hand-written.yml", "name: mine\n");
        root.Write(".github/workflows/other.yml", GeneratedContent.Header("cigen.yml") + "x: 1\n");
        root.Write(".github/workflows/header-later.yml", "name: x\n" + Header);

        StaleFiles.Find(root.Path, [".github/workflows/*.yml"], [File(".github/workflows/ci.yml")], ".cigen").Should().BeEmpty();
    }

    [Fact]
    public void Only_owned_patterns_and_the_directories_written_to_are_searched()
    {
        root.Write("elsewhere/old.yml", Header + "x\n");
        root.Write("ci/old.yml", Header + "x\n");
        root.Write("ci/notes.txt", Header + "x\n");

        StaleFiles.Find(root.Path, [".github/workflows/*.yml"], [File("ci/main.yml")], ".cigen").Should().Equal("ci/old.yml");
    }

    [Fact]
    public void Patterns_that_break_the_path_rules_are_ignored()
    {
        using var outside = new TempDirectory();
        outside.Write("victim.yml", Header + "x\n");
        var escape = "../" + System.IO.Path.GetFileName(outside.Path) + "/*.yml";

        StaleFiles.Find(root.Path, [escape, "/etc/*.yml"], [], ".cigen").Should().BeEmpty();
    }

    [Fact]
    public void Generate_deletes_stale_files_after_writing_and_check_reports_them_as_drift()
    {
        root.Write(".github/workflows/gone.yml", Header + "x: 1\n");
        var stale = new[] { ".github/workflows/gone.yml" };

        var drift = DriftCheck.Check(root.Path, [], stale);
        drift.Should().ContainSingle().Which.Stale.Should().BeTrue();
        drift[0].Diff.Should().StartWith("--- a/.github/workflows/gone.yml\n+++ /dev/null\n");
        root.Files().Should().Equal([".github/workflows/gone.yml"], "--check writes and deletes nothing");

        var result = OutputWriter.Write(root.Path, [File(".github/workflows/ci.yml")], stale);
        result.Deleted.Should().Equal(".github/workflows/gone.yml");
        root.Files().Should().Equal(".github/workflows/ci.yml");
    }

    public void Dispose() => root.Dispose();
}
