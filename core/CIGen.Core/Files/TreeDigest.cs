using System.Buffers;
using System.Collections.Concurrent;
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
    public static IReadOnlyList<string> Files(string root, GlobSet globs) => Files(root, globs, []);

    /// <summary>
    /// <see cref="Files(string, GlobSet)"/> plus each of <paramref name="alwaysIncluded"/> (relative, '/'-separated)
    /// that exists as a file, as bash's <c>[[ -f path ]]</c> sees it (through symbolic links), whatever the globs say;
    /// no duplicates.
    /// </summary>
    public static IReadOnlyList<string> Files(string root, GlobSet globs, IEnumerable<string> alwaysIncluded) =>
        [.. DistinctByteOrdered(Select(root, globs, alwaysIncluded).Select(Encoding.UTF8.GetBytes)).Select(Encoding.UTF8.GetString)];

    public static string Compute(string root, GlobSet globs) => Hash(root, Select(root, globs, [])).Digest;

    /// <summary>The digest of the given files (relative, '/'-separated paths under <paramref name="root"/>, in any order).</summary>
    public static string Compute(string root, IEnumerable<string> relativePaths) => Hash(root, relativePaths).Digest;

    /// <summary>The digest of <see cref="Files(string, GlobSet, IEnumerable{string})"/>, each file hashed while the tree is still being walked.</summary>
    public static DigestListing Hash(string root, GlobSet globs, IEnumerable<string> alwaysIncluded) =>
        Hash(root, Select(root, globs, alwaysIncluded));

    /// <summary>
    /// The content hash of each given file (relative, '/'-separated paths under <paramref name="root"/>, in any order,
    /// a repeated path counted once; read in parallel as they are enumerated) and their digest.
    /// </summary>
    public static DigestListing Hash(string root, IEnumerable<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var hashed = new ConcurrentQueue<(byte[] Name, byte[] ContentHash)>();
        Parallel.ForEach(
            relativePaths,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new byte[ReadBufferSize],
            (path, _, buffer) =>
            {
                var contentHash = new byte[SHA256.HashSizeInBytes];
                HashContent(Path.Combine(root, path), buffer, contentHash);
                hashed.Enqueue((Encoding.UTF8.GetBytes(path), contentHash));
                return buffer;
            },
            _ => { });

        var ordered = hashed.OrderBy(f => f.Name, ByteOrder.Instance).ToList();
        using var listing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new ArrayBufferWriter<byte>(256);
        var files = new List<DigestedFile>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (name, contentHash) = ordered[i];
            if (i > 0 && name.AsSpan().SequenceEqual(ordered[i - 1].Name))
            {
                continue;
            }

            line.ResetWrittenCount();
            WriteLine(line, contentHash, name);
            listing.AppendData(line.WrittenSpan);
            files.Add(new DigestedFile(Encoding.UTF8.GetString(name), Convert.ToHexStringLower(contentHash)));
        }

        return new DigestListing(files.Count == 0 ? Empty : Convert.ToHexStringLower(listing.GetHashAndReset()), files);
    }

    /// <summary>The selected files, unordered and lazily: the walk, then the always-included files that exist.</summary>
    private static IEnumerable<string> Select(string root, GlobSet globs, IEnumerable<string> alwaysIncluded)
    {
        ArgumentNullException.ThrowIfNull(globs);
        ArgumentNullException.ThrowIfNull(alwaysIncluded);
        return MatchingRegularFiles(root, globs).Concat(alwaysIncluded.Where(path => File.Exists(Path.Combine(root, path))));
    }

    private static IEnumerable<byte[]> DistinctByteOrdered(IEnumerable<byte[]> names)
    {
        byte[]? previous = null;
        foreach (var name in names.Order(ByteOrder.Instance))
        {
            if (previous is null || !name.AsSpan().SequenceEqual(previous))
            {
                yield return name;
            }

            previous = name;
        }
    }

    private const int ReadBufferSize = 64 * 1024;

    /// <summary>
    /// The SHA-256 of a file's content. Most source files fit the buffer: one read, one hash call, and no more system
    /// calls than needed (no FileStream, whose share-mode locks and read-ahead advice cost two or three more per file).
    /// </summary>
    private static void HashContent(string path, byte[] buffer, Span<byte> hash)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(filled), filled)) > 0)
        {
            filled += read;
        }

        if (filled < buffer.Length)
        {
            SHA256.HashData(buffer.AsSpan(0, filled), hash);
            return;
        }

        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long offset = 0;
        do
        {
            incremental.AppendData(buffer, 0, filled);
            offset += filled;
            filled = RandomAccess.Read(handle, buffer, offset);
        }
        while (filled > 0);

        incremental.GetHashAndReset(hash);
    }

    /// <summary>The file's line in the listing the digest hashes (with its newline), exactly as <c>sha256sum</c> prints it.</summary>
    public static string SumLine(DigestedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var line = new ArrayBufferWriter<byte>(256);
        WriteLine(line, Convert.FromHexString(file.ContentHash), Encoding.UTF8.GetBytes(file.Path));
        return Encoding.UTF8.GetString(line.WrittenSpan);
    }

    /// <summary>One sha256sum line; GNU coreutils escapes names with '\', newline or carriage return and marks the line with a leading '\'.</summary>
    private static void WriteLine(ArrayBufferWriter<byte> line, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> name)
    {
        var escaped = name.IndexOfAny((byte)'\\', (byte)'\n', (byte)'\r') >= 0;
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

    /// <summary>One walk of the tree; a path is built (allocated) only for the files the globs select.</summary>
    private static IEnumerable<string> MatchingRegularFiles(string root, GlobSet globs)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        var buffer = new char[256];
        return new FileSystemEnumerable<string>(top, Relative, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                // The glob first: reading Attributes costs an lstat, worth paying only for the files selected.
                !e.IsDirectory && !IsGit(ref e) && globs.IsMatch(RelativeSpan(ref e)) && (e.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                (e.Attributes & FileAttributes.ReparsePoint) == 0 && !IsGit(ref e),
        };

        string Relative(ref FileSystemEntry e) => RelativeSpan(ref e).ToString();

        ReadOnlySpan<char> RelativeSpan(ref FileSystemEntry e)
        {
            if (e.Directory.Length == top.Length)
            {
                return e.FileName;
            }

            var directory = e.Directory[(top.Length + 1)..];
            var length = directory.Length + 1 + e.FileName.Length;
            if (buffer.Length < length)
            {
                buffer = new char[length * 2];
            }

            directory.CopyTo(buffer);
            buffer[directory.Length] = '/';
            e.FileName.CopyTo(buffer.AsSpan(directory.Length + 1));
            return buffer.AsSpan(0, length);
        }

        bool IsGit(ref FileSystemEntry e) => e.Directory.Length == top.Length && e.FileName.SequenceEqual(".git");
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}

/// <summary>Files with their content hashes, in byte order of their paths, and the digest of them all.</summary>
public sealed record DigestListing(string Digest, IReadOnlyList<DigestedFile> Files);

/// <summary>One file of a digest: its relative, '/'-separated path and the lowercase hex SHA-256 of its content.</summary>
public sealed record DigestedFile(string Path, string ContentHash)
{
    /// <summary>Its line in the listing the digest hashes: <see cref="TreeDigest.SumLine"/>.</summary>
    public string SumLine => TreeDigest.SumLine(this);
}
