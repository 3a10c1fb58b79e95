using CIGen.Core.Output;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Output;

public sealed class DriftCheckTests : IDisposable
{
    private readonly TempDirectory root = new();

    private static GeneratedFile File(string path, string content) => new(path, content, "test");

    [Fact]
    public void Up_to_date_files_show_no_drift_and_nothing_is_written()
    {
        root.Write("a.yml", "a: 1\n");

        DriftCheck.Check(root.Path, [File("a.yml", "a: 1\n")]).Should().BeEmpty();
        root.Files().Should().Equal("a.yml");
    }

    [Fact]
    public void A_missing_file_is_drift_with_a_diff_from_dev_null()
    {
        var drift = DriftCheck.Check(root.Path, [File("dir/new.yml", "x: 1\ny: 2\n")]);

        drift.Should().ContainSingle().Which.Should().Be(new DriftCheck.FileDrift(
            "dir/new.yml", Missing: true, "--- /dev/null\n+++ b/dir/new.yml\n@@ -0,0 +1,2 @@\n+x: 1\n+y: 2\n"));
        root.Files().Should().BeEmpty();
    }

    [Fact]
    public void A_changed_file_is_drift_with_a_unified_diff()
    {
        root.Write("a.yml", "one\ntwo\nthree\n");

        var drift = DriftCheck.Check(root.Path, [File("a.yml", "one\n2\nthree\n")]);

        drift.Should().ContainSingle().Which.Diff.Should().Be("--- a/a.yml\n+++ b/a.yml\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n");
        System.IO.File.ReadAllText(root.Combine("a.yml")).Should().Be("one\ntwo\nthree\n");
    }

    [Fact]
    public void Line_endings_on_disk_count_as_drift()
    {
        root.Write("a.yml", "a: 1\r\n");

        DriftCheck.Check(root.Path, [File("a.yml", "a: 1\n")]).Should().ContainSingle().Which.Missing.Should().BeFalse();
    }

    public void Dispose() => root.Dispose();
}
