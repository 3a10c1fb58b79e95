using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Hashing;

/// <summary>
/// A job's skip key, <c>JOB_HASH</c> (docs/config.md, "Job hash (skip key)"): the <see cref="TreeDigest"/> of its
/// input files, which are the regular files its <c>source_files</c> select plus every file its definition is read from.
/// </summary>
/// <param name="Value">The lowercase hex <c>JOB_HASH</c>.</param>
/// <param name="Files">The input files with their content hashes, in byte order of their paths (for <c>--explain</c>).</param>
public sealed record JobHash(string Value, IReadOnlyList<DigestedFile> Files)
{
    /// <param name="root">The project root: the directory holding the config (<c>ConfigLocation.Root</c>).</param>
    public static JobHash Compute(string root, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var listing = TreeDigest.Hash(root, GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
        return new JobHash(listing.Digest, listing.Files);
    }

    /// <summary>
    /// The job's input files, relative and '/'-separated, in byte order: regular files (not symbolic links, never under
    /// <c>.git/</c>) matching its <c>source_files</c>, and each of its definition files that exists even when an
    /// exclude matches it.
    /// </summary>
    public static IReadOnlyList<string> InputFiles(string root, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return TreeDigest.Files(root, GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
    }
}
