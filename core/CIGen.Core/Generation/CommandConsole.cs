namespace CIGen.Core.Generation;

/// <summary>Where a command runs and prints: results to <see cref="Out"/>, diagnostics and logs to <see cref="Error"/>.</summary>
public sealed class CommandConsole
{
    public CommandConsole(string currentDirectory, TextWriter output, TextWriter error)
    {
        CurrentDirectory = Path.GetFullPath(currentDirectory);
        Out = output;

        // Providers' stderr lines arrive from several threads at once.
        Error = TextWriter.Synchronized(error);
    }

    public string CurrentDirectory { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>A path for humans: relative to the current directory, '/'-separated.</summary>
    public string Show(string fullPath) => Path.GetRelativePath(CurrentDirectory, fullPath).Replace('\\', '/');
}
