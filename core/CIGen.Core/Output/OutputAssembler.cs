using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Output;

/// <summary>
/// Turns what the providers returned into the files to write: every path checked, no path claimed twice, every text
/// normalised and given its header. Problems come back as error diagnostics, all of them, and then no files at all.
/// </summary>
public static class OutputAssembler
{
    public sealed record Result(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Errors);

    /// <param name="configSource">Named in the header: the config, relative to the output root.</param>
    public static Result Assemble(IEnumerable<ProviderFiles> outputs, string outputRoot, string configSource)
    {
        var errors = new List<Diagnostic>();
        var files = new List<GeneratedFile>();

        // Case-insensitively: two files differing only in case are one file on Windows and macOS.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in outputs)
        {
            foreach (var file in output.Files)
            {
                if (file is null)
                {
                    errors.Add(Error(GenerationCodes.InvalidOutputFile, $"provider '{output.Provider}' returned null instead of a file {{\"path\", \"content\"}}."));
                    continue;
                }

                var problem = OutputPaths.Problem(file.Path)
                    ?? (OutputPaths.Resolve(outputRoot, file.Path) is null ? "it resolves outside the output root" : null);
                if (problem is not null)
                {
                    errors.Add(Error(GenerationCodes.InvalidOutputPath, $"provider '{output.Provider}' returned the path '{MessageText.Escape(file.Path)}': {problem}."));
                    continue;
                }

                if (file.Content is null)
                {
                    errors.Add(Error(GenerationCodes.InvalidOutputFile, $"provider '{output.Provider}' returned '{file.Path}' without content."));
                    continue;
                }

                if (owners.TryGetValue(file.Path, out var owner))
                {
                    errors.Add(Error(
                        GenerationCodes.DuplicateOutputPath,
                        owner == output.Provider
                            ? $"provider '{owner}' returned '{file.Path}' twice."
                            : $"providers '{owner}' and '{output.Provider}' both write '{file.Path}'; a file has one writer: generate with one of them per output directory (--provider NAME --output DIR)."));
                    continue;
                }

                owners[file.Path] = output.Provider;
                files.Add(new GeneratedFile(file.Path, GeneratedContent.Render(file.Path, file.Content, configSource), output.Provider));
            }
        }

        errors.AddRange(DirectoryClashes(owners));
        return errors.Count > 0
            ? new Result([], errors)
            : new Result(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), []);
    }

    /// <summary>A file whose path is the directory of another (<c>ci.yml</c> and <c>ci.yml/sub.yml</c>): one of the two
    /// cannot be written, so neither is.</summary>
    private static IEnumerable<Diagnostic> DirectoryClashes(Dictionary<string, string> owners)
    {
        foreach (var (path, owner) in owners.OrderBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase))
        {
            var directory = path;
            while (directory.LastIndexOf('/') is var slash and > 0)
            {
                directory = directory[..slash];
                if (owners.TryGetValue(directory, out var fileOwner))
                {
                    yield return Error(
                        GenerationCodes.DuplicateOutputPath,
                        $"provider '{fileOwner}' returned the file '{directory}' and provider '{owner}' the file '{path}' inside it; a path cannot be both a file and a directory.");
                }
            }
        }
    }

    private static Diagnostic Error(string code, string message) => new(Severity.Error, code, message);
}
