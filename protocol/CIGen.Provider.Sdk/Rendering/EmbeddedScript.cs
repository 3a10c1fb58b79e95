using System.Reflection;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>
/// Shell a provider writes into its output, kept in a <c>.sh</c> file embedded in the provider's assembly (so
/// shellcheck and editors read it as shell), read once with Unix line endings.
/// </summary>
public sealed class EmbeddedScript
{
    private readonly Lazy<string> text;
    private readonly Lazy<string> code;

    public EmbeddedScript(Assembly assembly, string resourceName)
    {
        text = new(() =>
        {
            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"the resource {resourceName} is missing from {assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        });
        code = new(() => string.Join('\n', Text.Split('\n').Where(line => !IsCommentary(line))));
    }

    /// <summary>The file as it is, comments included.</summary>
    public string Text => text.Value;

    /// <summary>
    /// What a generated file carries: <see cref="Text"/> without its comment lines but the shellcheck directives. The
    /// commentary lives in the source; a maintainer reviews every line of a generated file, where the step's name says
    /// what it does. (A line of a here-document that starts with <c>#</c> would go too: the scripts have none.)
    /// </summary>
    public string Code => code.Value;

    /// <summary>A whole-line comment that is not a shellcheck directive (<c># shellcheck disable=…</c> stays).</summary>
    public static bool IsCommentary(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#') && !trimmed.StartsWith("# shellcheck ", StringComparison.Ordinal);
    }
}
