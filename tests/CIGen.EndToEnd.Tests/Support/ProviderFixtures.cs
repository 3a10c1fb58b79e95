namespace CIGen.EndToEnd.Tests.Support;

/// <summary>
/// Installs the script providers under Providers/ into a directory as <c>cigen-provider-NAME</c> executables (copied,
/// so the execute bit does not depend on how the repository was checked out).
/// </summary>
public static class ProviderFixtures
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Providers");

    /// <summary>The Python provider written from docs/protocol.md, installed as <c>cigen-provider-NAME</c>.</summary>
    public static string InstallPython(string directory, string name = "python") =>
        Install(Path.Combine(Source, "cigen-provider-python"), directory, name);

    /// <summary>The misbehaving provider in one of its modes (see Providers/misbehaving_provider.py).</summary>
    public static string InstallMisbehaving(string directory, string mode) =>
        Install(Path.Combine(Source, "misbehaving_provider.py"), directory, mode);

    /// <summary>The flawed provider in one of its modes: conformant but for that one flaw (see Providers/flawed_provider.py).</summary>
    public static string InstallFlawed(string directory, string mode) =>
        Install(Path.Combine(Source, "flawed_provider.py"), directory, mode);

    private static string Install(string script, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "cigen-provider-" + name);
        File.Copy(script, path, overwrite: true);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                   UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }
}
