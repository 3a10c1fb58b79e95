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
    /// <exception cref="FileNotFoundException">A definition file of the job is missing (<see cref="RequireDefinitionFiles"/>).</exception>
    /// <summary>What the job's hash covers, as the graph sends it to the runtime: one ERE per glob, and the definition files.</summary>
    public static HashInputs InputsOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var globs = GlobSet.Parse(job.SourceFiles);
        return new HashInputs { DefinitionFiles = job.DefinitionFiles, Include = globs.IncludeEres, Exclude = globs.ExcludeEres };
    }

    public static JobHash Compute(string root, Job job)
    {
        RequireDefinitionFiles(root, job);
        var listing = TreeDigest.Hash(root, GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
        return new JobHash(listing.Digest, listing.Files);
    }

    /// <summary>
    /// The job's input files, relative and '/'-separated, in byte order: regular files (not symbolic links, never under
    /// <c>.git/</c>) matching its <c>source_files</c>, and each of its definition files even when an exclude matches it.
    /// </summary>
    /// <exception cref="FileNotFoundException">A definition file of the job is missing (<see cref="RequireDefinitionFiles"/>).</exception>
    public static IReadOnlyList<string> InputFiles(string root, Job job)
    {
        RequireDefinitionFiles(root, job);
        return TreeDigest.Files(root, GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
    }

    /// <summary>
    /// Fails when one of the job's definition files is not a file under <paramref name="root"/> (seen as bash's
    /// <c>[[ -f ]]</c> sees it, through symbolic links), as <see cref="JobHashScript"/> does. cigen read them all to
    /// build the job, so each exists in every checkout: a missing one means the wrong directory (or a checkout not yet
    /// made), whose hash — of whatever happens to be there — must never be taken for the job's.
    /// </summary>
    /// <exception cref="FileNotFoundException">The first missing file; the message names every missing one.</exception>
    public static void RequireDefinitionFiles(string root, Job job)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(job);
        var missing = job.DefinitionFiles.Where(path => !File.Exists(Path.Combine(root, path))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"{string.Join(", ", missing)} of job `{job.Id}` {(missing.Count == 1 ? "is" : "are")} missing under {root}; the job hash is computed at the project root, where every file of the job's definition is",
                missing[0]);
        }
    }
}
