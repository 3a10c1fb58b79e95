using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The parts of a cache key (<see cref="KeyPart"/>) in CircleCI's key template syntax, one method per kind. CircleCI
/// has no function that hashes files by glob or reads a value a step computed, so both come from files the job's
/// key_values step wrote (<see cref="RuntimeCommand"/>): a value part is the checksum of the file holding it.
/// <c>&lt;&lt;</c> in literal text needs nothing here: the finished document is escaped once (<see cref="ParameterSyntax"/>).
/// </summary>
internal static partial class CacheKeySyntax
{
    /// <summary>The key's text, or null with <paramref name="problem"/> saying which part CircleCI cannot spell.</summary>
    public static string? Key(CacheKey key, out string? problem)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in key.Parts)
        {
            if (Part(part, out problem) is not { } spelled)
            {
                return null;
            }

            text.Append(spelled);
        }

        problem = null;
        return text.ToString();
    }

    public static string? Part(KeyPart part, out string? problem)
    {
        problem = null;
        switch (part)
        {
            case KeyPart.Literal literal:
                return Literal(literal.Text);
            case KeyPart.Value value:
                return Value(value.Name, out problem);
            case KeyPart.Checksum checksum:
                return Checksum(checksum, out problem);
            case KeyPart.Branch:
                return Branch();
            case KeyPart.Revision:
                return Revision();
            case KeyPart.Env env:
                return Env(env.Name, out problem);
            case KeyPart.Epoch:
                return Epoch();
            case KeyPart.Arch:
                return Arch();
            case KeyPart.Matrix matrix:
                // Each leg is a job of its own, whose keys carry the leg's value as text (MatrixExpansion).
                problem = $"the matrix value `{matrix.Name}` is not one of the job's: the job has no matrix leg with it";
                return null;
            default:
                problem = $"the key part kind '{part.Kind}' is unknown to the circleci provider";
                return null;
        }
    }

    /// <summary>
    /// CircleCI's keys are Go templates, in which only <c>{{</c> opens an action: a literal <c>{{</c> is written as the
    /// template string constant <c>{{ "{{" }}</c>, which prints it.
    /// </summary>
    public static string Literal(string text) => text.Replace("{{", "{{ \"{{\" }}", StringComparison.Ordinal);

    /// <summary>The checksum of the file the key_values step wrote the value to: equal values, equal keys.</summary>
    public static string? Value(string? name, out string? problem)
    {
        if (!RuntimeCommand.IsValueName(name))
        {
            problem = $"the key value name '{name}' is not a name of letters, digits and '_'";
            return null;
        }

        problem = null;
        return ChecksumOf(RuntimeCommand.KeyValueFile(name!));
    }

    /// <summary>
    /// A checksum the host also computes in the job's shell (<see cref="KeyPart.Value"/>) is that value's file; a
    /// hand-written <c>{{ checksum "file" }}</c> names one file, which CircleCI hashes itself.
    /// </summary>
    public static string? Checksum(KeyPart.Checksum part, out string? problem)
    {
        if (part.Digest is not null)
        {
            return Value(part.Digest, out problem);
        }

        if (part.Files is [var file] && !IsGlob(file))
        {
            problem = null;
            return ChecksumOf(file);
        }

        problem = $"the checksum of {string.Join(", ", part.Files.Select(f => $"`{f}`"))} needs a key value computed by a key_values step, "
            + "but the key has none, and CircleCI's `{{ checksum \"file\" }}` hashes exactly one file named without wildcards; "
            + "checksum one file, or use the job's `cache:` so that cigen computes the digest";
        return null;
    }

    public static string Branch() => "{{ .Branch }}";

    public static string Revision() => "{{ .Revision }}";

    public static string? Env(string? name, out string? problem)
    {
        if (name is null || !EnvironmentName().IsMatch(name))
        {
            problem = $"the environment variable name '{name}' cannot be read in a CircleCI key template (letters, digits and '_', not starting with a digit)";
            return null;
        }

        problem = null;
        return $"{{{{ .Environment.{name} }}}}";
    }

    public static string Epoch() => "{{ epoch }}";

    public static string Arch() => "{{ arch }}";

    public static string ChecksumOf(string file) => $"{{{{ checksum \"{file.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" }}}}";

    private static bool IsGlob(string file) => file.StartsWith('!') || file.IndexOfAny(['*', '?', '[', '{']) >= 0;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
