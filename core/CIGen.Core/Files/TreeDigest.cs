using System.Buffers;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;

namespace CIGen.Core.Files;

/// <summary>
/// The digest of a set of files, exactly as docs/config.md ("Job hash") defines it: the lowercase hex SHA-256 of what
/// <c>LC_ALL=C sort -z | xargs -0 -r sha256sum --</c> prints for their relative paths.
/// </summary>
public static class TreeDigest
{
    /// <summary>The digest of no files: SHA-256 of the empty string.</summary>
    public const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// Regular files under <paramref name="root"/> (symbolic links and the root's <c>.git</c> left out, as
    /// <c>find . -path ./.git -prune -o -type f</c> does) that <paramref name="globs"/> select: relative,
    /// '/'-separated paths in byte order of their UTF-8.
    /// </summary>
    public static IReadOnlyList<string> Files(string root, GlobSet globs)
    {
        var files = new List<string>();
        foreach (var path in RegularFiles(root))
        {
            if (globs.IsMatch(path))
            {
                files.Add(path);
            }
        }

        return [.. files.Select(Encoding.UTF8.GetBytes).Order(ByteOrder.Instance).Select(Encoding.UTF8.GetString)];
    }

    public static string Compute(string root, GlobSet globs) => Compute(root, Files(root, globs));

    /// <summary>The digest of the given files (relative, '/'-separated paths under <paramref name="root"/>, in any order).</summary>
    public static string Compute(string root, IEnumerable<string> relativePaths)
    {
        var names = relativePaths.Select(Encoding.UTF8.GetBytes).Order(ByteOrder.Instance).ToArray();
        if (names.Length == 0)
        {
            return Empty;
        }

        var contentHashes = new byte[names.Length * SHA256.HashSizeInBytes];
        Parallel.For(0, names.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            using var file = new FileStream(
                Path.Combine(root, Encoding.UTF8.GetString(names[i])),
                FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            SHA256.HashData(file, contentHashes.AsSpan(i * SHA256.HashSizeInBytes, SHA256.HashSizeInBytes));
        });

        using var listing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new ArrayBufferWriter<byte>(256);
        for (var i = 0; i < names.Length; i++)
        {
            line.ResetWrittenCount();
            WriteLine(line, contentHashes.AsSpan(i * SHA256.HashSizeInBytes, SHA256.HashSizeInBytes), names[i]);
            listing.AppendData(line.WrittenSpan);
        }

        return Convert.ToHexStringLower(listing.GetHashAndReset());
    }

    /// <summary>One sha256sum line; GNU coreutils escapes names with '\', newline or carriage return and marks the line with a leading '\'.</summary>
    private static void WriteLine(ArrayBufferWriter<byte> line, ReadOnlySpan<byte> hash, byte[] name)
    {
        var escaped = name.AsSpan().IndexOfAny((byte)'\\', (byte)'\n', (byte)'\r') >= 0;
        if (escaped)
        {
            line.Write("\\"u8);
        }

        Span<byte> hex = stackalloc byte[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        line.Write(hex);
        line.Write("  "u8);
        if (!escaped)
        {
            line.Write(name);
        }
        else
        {
            foreach (var b in name)
            {
                line.Write(b switch
                {
                    (byte)'\\' => "\\\\"u8,
                    (byte)'\n' => "\\n"u8,
                    (byte)'\r' => "\\r"u8,
                    _ => [b],
                });
            }
        }

        line.Write("\n"u8);
    }

    private static IEnumerable<string> RegularFiles(string root)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        return new FileSystemEnumerable<string>(top, Relative, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                !e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0 && !IsGit(ref e),
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                (e.Attributes & FileAttributes.ReparsePoint) == 0 && !IsGit(ref e),
        };

        string Relative(ref FileSystemEntry e) => e.Directory.Length == top.Length
            ? e.FileName.ToString()
            : string.Concat(e.Directory[(top.Length + 1)..], "/", e.FileName);

        bool IsGit(ref FileSystemEntry e) => e.Directory.Length == top.Length && e.FileName.SequenceEqual(".git");
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
