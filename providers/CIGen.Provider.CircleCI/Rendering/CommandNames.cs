using System.Text;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>Names for the commands the provider makes up, spelled as CircleCI wants them and never taken twice.</summary>
internal static class CommandNames
{
    /// <summary>The text in lowercase letters, digits and <c>_</c> (<c>Enable pnpm</c> → <c>enable_pnpm</c>), at most 40 characters, starting with a letter.</summary>
    public static string Sanitized(string text)
    {
        var name = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        var sanitized = name.ToString().Trim('_');
        sanitized = sanitized.Length > 40 ? sanitized[..40].TrimEnd('_') : sanitized;
        return sanitized.Length == 0 || !char.IsAsciiLetterLower(sanitized[0]) ? $"step_{sanitized}".TrimEnd('_') : sanitized;
    }

    /// <summary><paramref name="wanted"/>, or with <c>_2</c>, <c>_3</c>, … when taken; the name returned is taken from then on.</summary>
    public static string Free(string wanted, HashSet<string> taken)
    {
        var name = wanted;
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{wanted}_{n}";
        }

        return name;
    }
}
