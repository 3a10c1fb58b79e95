using CIGen.Core.Generation;
using CIGen.Core.Output;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Output;

public sealed class OutputWriterTests : IDisposable
{
    private readonly TempDirectory root = new();

    private static GeneratedFile File(string path, string content) => new(path, content, "test");

    [Fact]
    public void Files_are_written_with_their_directories_as_UTF8_without_BOM()
    {
        var result = OutputWriter.Write(root.Path, [File(".github/workflows/ci.yml", "name: CI ✓\n"), File("b.yml", "b: 1\n")]);

        result.Errors.Should().BeEmpty();
        result.Written.Should().Equal(".github/workflows/ci.yml", "b.yml");
        System.IO.File.ReadAllBytes(root.Combine(".github", "workflows", "ci.yml")).Should().Equal("name: CI ✓\n"u8.ToArray());
        root.Files().Should().Equal(".github/workflows/ci.yml", "b.yml"); // no temporary files left behind
    }

    [Fact]
    public void Only_files_whose_bytes_changed_are_rewritten()
    {
        OutputWriter.Write(root.Path, [File("same.yml", "a: 1\n"), File("changed.yml", "b: 1\n")]);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        System.IO.File.SetLastWriteTimeUtc(root.Combine("same.yml"), stamp);

        var result = OutputWriter.Write(root.Path, [File("same.yml", "a: 1\n"), File("changed.yml", "b: 2\n")]);

        result.Written.Should().Equal("changed.yml");
        result.Unchanged.Should().Equal("same.yml");
        System.IO.File.GetLastWriteTimeUtc(root.Combine("same.yml")).Should().Be(stamp);
        System.IO.File.ReadAllText(root.Combine("changed.yml")).Should().Be("b: 2\n");
    }

    [Fact]
    public void A_file_is_replaced_by_a_rename_not_rewritten_in_place()
    {
        OutputWriter.Write(root.Path, [File("a.yml", "old\n")]);
        using var reader = new FileStream(root.Combine("a.yml"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        OutputWriter.Write(root.Path, [File("a.yml", "new\n")]);

        // A reader holding the old file keeps reading the old bytes: the new content is a different file.
        new StreamReader(reader).ReadToEnd().Should().Be("old\n");
        System.IO.File.ReadAllText(root.Combine("a.yml")).Should().Be("new\n");
    }

    [Fact]
    public void Nothing_is_written_when_any_target_is_blocked()
    {
        Directory.CreateDirectory(root.Combine("dir.yml"));
        root.Write("notadir", "x");

        var result = OutputWriter.Write(root.Path, [File("a.yml", "a\n"), File("dir.yml", "x\n"), File("notadir/b.yml", "b\n")]);

        result.Written.Should().BeEmpty();
        result.Errors.Select(e => e.Code).Should().Equal(GenerationCodes.WriteFailed, GenerationCodes.WriteFailed);
        result.Errors[0].Message.Should().Contain("'dir.yml'").And.Contain("a directory is in the way");
        result.Errors[1].Message.Should().Contain("'notadir' is a file, not a directory");
        System.IO.File.Exists(root.Combine("a.yml")).Should().BeFalse();
    }

    public void Dispose() => root.Dispose();
}
