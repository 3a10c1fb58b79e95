using System.Text;
using System.Text.RegularExpressions;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The command of a key_values step on CircleCI. The host's script prints <c>name=value</c> lines; CircleCI keys cannot
/// read step outputs, but can hash a file, so each listed value goes to a file of its own under
/// <see cref="Directory"/> and the key's value parts are checksums of those files (<see cref="CacheKeySyntax"/>).
/// </summary>
internal static partial class KeyValuesScript
{
    /// <summary>Where the values are written, one file per name; outside the checkout, so never committed or cached.</summary>
    public const string Directory = "/tmp/cigen/key-values";

    /// <summary>The script's output, kept apart from the values: a dot file, which no value name can be.</summary>
    private const string Printed = Directory + "/.printed";

    public static string FileOf(string name) => $"{Directory}/{name}";

    /// <summary>Names become file names and <c>case</c> patterns: nothing but letters, digits and <c>_</c>.</summary>
    public static bool IsValueName(string? name) => name is not null && ValueName().IsMatch(name);

    /// <summary>
    /// Runs <paramref name="script"/> in a subshell (the step's <c>-e</c> applies inside), keeps the lines of
    /// <paramref name="names"/> (others are ignored, so no line can write outside the directory), shows them in the
    /// log, and fails when a name got no value — a key built from a missing file would silently never match.
    /// </summary>
    public static string Command(string script, IReadOnlyList<string> names)
    {
        var listed = string.Join('|', names);
        var text = new StringBuilder()
            .Append("rm -rf ").Append(Directory).Append('\n')
            .Append("mkdir -p ").Append(Directory).Append('\n')
            .Append("(\n")
            .Append(script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n')
            .Append(") > ").Append(Printed).Append('\n')
            .Append("while IFS='=' read -r name value; do\n")
            .Append("  case \"$name\" in\n")
            .Append("    ").Append(listed).Append(")\n")
            .Append("      printf '%s\\n' \"$value\" > \"").Append(Directory).Append("/$name\"\n")
            .Append("      printf '%s=%s\\n' \"$name\" \"$value\"\n")
            .Append("      ;;\n")
            .Append("  esac\n")
            .Append("done < ").Append(Printed).Append('\n')
            .Append("for name in ").Append(string.Join(' ', names)).Append("; do\n")
            .Append("  if [ ! -f \"").Append(Directory).Append("/$name\" ]; then\n")
            .Append("    echo \"cigen: the key script printed no value for '$name'\" >&2\n")
            .Append("    exit 1\n")
            .Append("  fi\n")
            .Append("done\n");
        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex ValueName();
}
