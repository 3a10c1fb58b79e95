namespace CIGen.Core.Output;

/// <summary>
/// The rules every path a provider returns must follow (docs/protocol.md, "Paths"): relative to the output root,
/// '/'-separated, no empty, '.' or '..' segments, nothing that means something else on another OS.
/// </summary>
public static class OutputPaths
{
    /// <summary>The longest file or directory name ext4, APFS and NTFS all take (NAME_MAX, in UTF-8 bytes).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Why <paramref name="path"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "the path is empty";
        }

        if (path.Contains('\\'))
        {
            return "it contains a backslash; paths use '/'";
        }

        if (path.StartsWith('/'))
        {
            return "it is absolute; paths are relative to the output root";
        }

        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return "it starts with a drive letter; paths are relative to the output root";
        }

        if (path.Any(c => char.IsControl(c) || c == ':'))
        {
            return "it contains a control character or ':'";
        }

        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "":
                    return "it has an empty segment ('//' or a trailing '/')";
                case ".":
                    return "it has a '.' segment";
                case "..":
                    return "it has a '..' segment; files must stay inside the output root";
                case var name when System.Text.Encoding.UTF8.GetByteCount(name) > MaxSegmentBytes:
                    return $"a segment is longer than {MaxSegmentBytes} bytes, more than file systems take for a name";
            }
        }

        return null;
    }

    /// <summary>
    /// The absolute file path for a valid relative path, checked once more after combining so that no rule above
    /// can be the only thing between a provider and a file outside the root.
    /// </summary>
    public static string? Resolve(string outputRoot, string path)
    {
        var root = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
