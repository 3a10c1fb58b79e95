using System.Text;
using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>A problem in a key template, at a character offset of the key.</summary>
internal sealed record TemplateError(int Offset, string Message);

/// <summary>
/// Parses the key of a hand-written <c>restore_cache</c>/<c>save_cache</c> step, written in CircleCI's template syntax,
/// into the parts of a <see cref="CacheKey"/>: <c>{{ checksum "file" }}</c>, <c>{{ .Branch }}</c>,
/// <c>{{ .Revision }}</c>, <c>{{ .Environment.NAME }}</c>, <c>{{ epoch }}</c>, <c>{{ arch }}</c>; text around them is literal.
/// </summary>
internal static partial class CacheKeyTemplate
{
    private const string Known = "{{ checksum \"file\" }}, {{ .Branch }}, {{ .Revision }}, {{ .Environment.NAME }}, {{ epoch }} or {{ arch }}";

    public static (CacheKey Key, TemplateError? Error) Parse(string text)
    {
        var parts = new List<KeyPart>();
        var literal = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return (new CacheKey(), new TemplateError(open, "`{{` is never closed; end the template with `}}`"));
            }

            var inner = text[(open + 2)..close];
            if (Part(inner.Trim()) is not { } part)
            {
                var offset = open + 2 + (inner.Length - inner.TrimStart().Length);
                return (new CacheKey(), new TemplateError(offset, $"unknown template `{{{{{inner}}}}}`{Advice(inner.Trim())}"));
            }

            Flush(literal, parts);
            parts.Add(part);
            position = close + 2;
        }

        Flush(literal, parts);
        return (new CacheKey { Parts = parts }, null);
    }

    private static KeyPart? Part(string template)
    {
        switch (template)
        {
            case ".Branch":
                return new KeyPart.Branch();
            case ".Revision":
                return new KeyPart.Revision();
            case "epoch":
                return new KeyPart.Epoch();
            case "arch":
                return new KeyPart.Arch();
        }

        if (EnvironmentTemplate().Match(template) is { Success: true } env)
        {
            return new KeyPart.Env(env.Groups[1].Value);
        }

        return ChecksumTemplate().Match(template) is { Success: true } checksum
            ? new KeyPart.Checksum([checksum.Groups[1].Value])
            : null;
    }

    private static string Advice(string template) => template switch
    {
        _ when template.StartsWith("checksum", StringComparison.Ordinal) =>
            "; write `{{ checksum \"path/to/file\" }}` with the file name in double quotes",
        ".BuildNum" => "; build numbers differ on every platform, use `{{ epoch }}` for a key that changes on every run",
        _ when template.StartsWith(".Environment", StringComparison.Ordinal) =>
            "; write `{{ .Environment.NAME }}` with a variable name of letters, digits and `_`",
        _ => $"; use one of {Known}",
    };

    private static void Flush(StringBuilder literal, List<KeyPart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new KeyPart.Literal(literal.ToString()));
            literal.Clear();
        }
    }

    [GeneratedRegex(@"^\.Environment\.([A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex EnvironmentTemplate();

    [GeneratedRegex("^checksum[ \t]+\"([^\"]+)\"$")]
    private static partial Regex ChecksumTemplate();
}
