using System.Reflection;

namespace CIGen.Provider.Sdk;

/// <summary>The version a provider reports in <c>initialize</c>.</summary>
public static class ProviderVersion
{
    /// <summary>The assembly's informational version without the source-revision suffix (<c>0.1.0+abc123</c> → <c>0.1.0</c>).</summary>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
    }
}
