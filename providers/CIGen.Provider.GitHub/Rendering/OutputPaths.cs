using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Where each workflow file goes: <c>.github/workflows/&lt;id&gt;.yml</c> unless the user chose otherwise.</summary>
internal static class OutputPaths
{
    public const string DefaultDirectory = ".github/workflows";

    /// <summary><c>output_path</c> replaces the directory; <c>output_filename</c> replaces the file name.</summary>
    public static string For(string workflowId, GenerateOptions options)
    {
        var directory = options.OutputPath is null ? DefaultDirectory : Directory(options.OutputPath);
        var fileName = options.OutputFilename ?? $"{workflowId}.yml";
        return directory.Length == 0 ? fileName : $"{directory}/{fileName}";
    }

    private static string Directory(string path)
    {
        var normalised = path.Replace('\\', '/').TrimEnd('/');
        while (normalised.StartsWith("./", StringComparison.Ordinal))
        {
            normalised = normalised[2..];
        }

        return normalised == "." ? "" : normalised;
    }
}
