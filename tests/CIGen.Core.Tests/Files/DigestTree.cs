namespace CIGen.Core.Tests.Files;

/// <summary>A temporary directory of files, deleted afterwards.</summary>
public sealed class DigestTree : IDisposable
{
    public DigestTree(params (string Path, string Content)[] files)
    {
        Root = Directory.CreateTempSubdirectory("cigen-files-").FullName;
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Every kind of name the digest must get right.</summary>
    public static DigestTree Awkward() => new(
        ("Gemfile", "source 'https://rubygems.org'\n"),
        ("Gemfile.lock", "BUNDLED WITH\n   2.5.6\n"),
        ("with space.lock", "s"),
        ("données/é.lock", "u"),
        (".hidden.lock", "d"),
        ("a/b/c/deep.lock", "n"),
        ("a/b/excluded.lock", "x"),
        ("back\\slash.lock", "b"),
        ("new\nline.lock", "l"),
        ("-dash.lock", "-"),
        ("Z.lock", "Z"),
        ("empty.lock", ""),
        (".git/index.lock", "never"),
        ("other.txt", "o"));

    public static readonly string[] AwkwardGlobs = ["Gemfile{,.lock}", "**/*.lock", "!a/b/excluded.lock"];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
