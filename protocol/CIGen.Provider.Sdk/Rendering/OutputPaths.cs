using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>Where a provider's file goes: its default directory and name, unless the user chose otherwise.</summary>
public static class OutputPaths
{
    /// <summary><c>output_path</c> replaces the directory; <c>output_filename</c> replaces the file name.</summary>
    /// <param name="defaultDirectory">The provider's directory, relative and '/'-separated, e.g. <c>.github/workflows</c>.</param>
    /// <param name="defaultFileName">The provider's file name, e.g. <c>ci.yml</c>.</param>
    public static string For(GenerateOptions options, string defaultDirectory, string defaultFileName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.OutputPath is null ? defaultDirectory : Directory(options.OutputPath);
        var fileName = options.OutputFilename ?? defaultFileName;
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
