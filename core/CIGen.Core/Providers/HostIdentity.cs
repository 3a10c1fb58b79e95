using System.Reflection;
using CIGen.Protocol;

namespace CIGen.Core.Providers;

/// <summary>Who the host says it is in <c>initialize</c>.</summary>
public static class HostIdentity
{
    /// <summary>
    /// The product version without the "+commit" build metadata: providers may print it, and output must not change
    /// between two builds of the same version.
    /// </summary>
    public static string Version { get; } =
        (typeof(HostIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static HostInfo Info { get; } = new("cigen", Version);
}
