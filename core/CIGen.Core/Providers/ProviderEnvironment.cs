using System.Runtime.InteropServices;
using CIGen.Protocol;

namespace CIGen.Core.Providers;

/// <summary>
/// The whole environment a provider process gets. Providers render text from the graph; they have no business with
/// the user's tokens and secrets, so nothing is inherited except what a program needs to start and find its runtime.
/// </summary>
public static class ProviderEnvironment
{
    /// <summary>Passed through when set: the search path, the home and temp directories, the locale.</summary>
    private static readonly string[] PortableVariables = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL"];

    /// <summary>What a Windows process needs to start at all.</summary>
    private static readonly string[] WindowsVariables = ["SystemRoot", "windir", "TEMP", "TMP", "USERPROFILE", "PATHEXT", "ComSpec"];

    private const string DotnetRoot = "DOTNET_ROOT";

    /// <param name="getEnvironment">Reads the host's environment; tests pass their own.</param>
    public static IReadOnlyDictionary<string, string> Build(Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = OperatingSystem.IsWindows() ? PortableVariables.Concat(WindowsVariables) : PortableVariables;
        foreach (var name in names)
        {
            if (getEnvironment(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        if ((getEnvironment(DotnetRoot) ?? RunningDotnetRoot()) is { Length: > 0 } dotnetRoot)
        {
            environment[DotnetRoot] = dotnetRoot;
        }

        environment[ProtocolInfo.MagicCookieName] = ProtocolInfo.MagicCookieValue;
        return environment;
    }

    /// <summary>
    /// The .NET installation cigen itself runs on, so framework-dependent provider apphosts find the same runtime even
    /// when it is not installed in a default location. Null for a self-contained or Native AOT cigen.
    /// </summary>
    private static string? RunningDotnetRoot()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        if (string.IsNullOrEmpty(runtimeDirectory))
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        return Directory.Exists(Path.Combine(root, "host", "fxr")) ? root.TrimEnd(Path.DirectorySeparatorChar) : null;
    }
}
