namespace CIGen.Provider.Sdk.Yaml;

/// <summary>
/// The one canonical choice of style for a string, so that every generated file reads back as exactly the strings
/// that were put in and looks like what a person writes:
/// <list type="number">
/// <item>Characters YAML cannot hold literally (controls, <c>\r</c>, NEL, U+2028/2029, BOM, lone surrogates) → double quotes with escapes.</item>
/// <item>Several lines → literal block <c>|</c> in value position (double quotes when a line ends in whitespace, which
/// a literal block would leave as trailing spaces, or when the text is only line breaks; keys and flow items too).</item>
/// <item>Plain when the text is syntactically safe and reads back as a string; otherwise single quotes — or double
/// quotes when the text holds a <c>'</c> and no <c>"</c> or <c>\</c>, so that an expression such as
/// <c>"!cancelled() &amp;&amp; needs.a.result == 'success'"</c> needs no escaping and reads as people write it.</item>
/// </list>
/// Values avoid every text YAML 1.1 or 1.2 would retype (<c>'3.10'</c>, <c>'yes'</c>, <c>'on'</c>, <c>'010'</c>).
/// Keys follow the same rule (CircleCI reads YAML 1.1, where a job <c>yes:</c> or a variable <c>ON:</c> is a boolean),
/// except a key added with <see cref="YamlMapping.AddVerbatimKey"/>: the caller vouches that its reader is YAML 1.2,
/// so only YAML 1.2's non-strings are quoted — GitHub's <c>on:</c>, which people write plain.
/// </summary>
internal static class ScalarPolicy
{
    // c-indicator characters of YAML 1.2 §5.3 that cannot start a plain scalar. '-' is handled separately:
    // "--release" and "-e" are plain in both YAML versions and what people write.
    private const string LeadingIndicators = "?:,[]{}#&*!|>'\"%@`";

    private const string FlowIndicators = ",[]{}";

    public static ScalarStyle Choose(string text, ScalarPlace place)
    {
        if (NeedsEscapes(text))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (text.Contains('\n'))
        {
            return place == ScalarPlace.Value && CanBeLiteral(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        if (CanBePlain(text, place))
        {
            return ScalarStyle.Plain;
        }

        return text.Contains('\'') && !text.Contains('"') && !text.Contains('\\')
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.SingleQuoted;
    }

    /// <summary>True when some character is outside YAML's printable set or is a line break only some readers know.</summary>
    public static bool NeedsEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsPrintableAsIs(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPrintableAsIs(char c) =>
        c is '\t' or '\n'
        || c is >= ' ' and <= '~'
        || (c >= '\u00A0' && c <= '\uD7FF' && c != '\u2028' && c != '\u2029')
        || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');

    private static bool CanBeLiteral(string text)
    {
        var lines = text.Split('\n');
        var hasContent = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && (line[^1] == ' ' || line[^1] == '\t'))
            {
                return false;
            }

            hasContent |= line.Length > 0;
        }

        return hasContent;
    }

    private static bool CanBePlain(string text, ScalarPlace place)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text.Contains('\t'))
        {
            return false;
        }

        if (LeadingIndicators.Contains(text[0]) || text == "-" || text.StartsWith("- ", StringComparison.Ordinal)
            || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text[^1] == ':' || text.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        // YamlDotNet (used by our tests and many .NET tools) mistakes a plain key holding " *" for the start
        // of a multi-line scalar and fails; other YAML readers accept it.
        var isKey = place is ScalarPlace.Key or ScalarPlace.Yaml12Key;
        if (isKey && text.Contains(" *", StringComparison.Ordinal))
        {
            return false;
        }

        if (place == ScalarPlace.FlowItem && (text.AsSpan().IndexOfAny(FlowIndicators) >= 0 || text.Contains(':')))
        {
            return false;
        }

        return place == ScalarPlace.Yaml12Key
            ? !YamlSpecialStrings.IsNonStringInYaml12(text)
            : !YamlSpecialStrings.IsNonStringInAnyVersion(text);
    }
}
