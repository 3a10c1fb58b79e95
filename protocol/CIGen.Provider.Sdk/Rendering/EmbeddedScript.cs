using System.Reflection;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>
/// Shell a provider writes into its output, kept in a <c>.sh</c> file embedded in the provider's assembly (so
/// shellcheck and editors read it as shell), read once with Unix line endings.
/// </summary>
public sealed class EmbeddedScript(Assembly assembly, string resourceName)
{
    private readonly Lazy<string> text = new(() =>
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the resource {resourceName} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    public string Text => text.Value;
}
