using System.Text;
using CIGen.Protocol;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Spells a <see cref="CacheKey"/> as the text of a cache action's <c>key</c> input: literal parts as text, the other
/// parts as <c>${{ }}</c> expressions GitHub evaluates when the step runs. A value part reads the JSON object the job's
/// key_values step (the runtime action's <c>keys</c>) printed — for an automatic cache, the one value the host joined
/// the key's fixed prefix into, so that a key stays one short line.
/// </summary>
/// <param name="keyValuesId">The id of the job's <see cref="StepKind.KeyValues"/> step; null when the job has none.</param>
internal sealed class CacheKeySpelling(string? keyValuesId)
{
    /// <remarks>Adjacent literals are joined before they are spelled, so two of them cannot form <c>${{</c> together.</remarks>
    public string Key(CacheKey key, SourceLocation source)
    {
        var spelled = new StringBuilder();
        var literal = new StringBuilder();
        void Add(string expression)
        {
            spelled.Append(Literal(literal.ToString())).Append(expression);
            literal.Clear();
        }

        foreach (var part in key.Parts)
        {
            if (part is KeyPart.Literal { Text: var text })
            {
                literal.Append(text);
            }
            else
            {
                Add(Part(part, source));
            }
        }

        return spelled.Append(Literal(literal.ToString())).ToString();
    }

    private string Part(KeyPart part, SourceLocation source) => part switch
    {
        KeyPart.Value value => Value(value.Name, source),
        KeyPart.Checksum { Files.Count: > 0 } checksum => Checksum(checksum.Files),
        KeyPart.Branch => Branch(),
        KeyPart.Revision => Revision(),
        KeyPart.Env env => Env(env.Name),
        KeyPart.Epoch => Epoch(),
        KeyPart.Arch => Arch(),
        KeyPart.Matrix matrix => Matrix(matrix.Name),
        _ => throw InvalidGraphException.Broken($"a cache key's {part.Kind} part cannot be spelled", source),
    };

    /// <summary>
    /// The text as it is, except that every <c>${{</c> is written as an expression yielding those three characters:
    /// GitHub evaluates <c>${{ }}</c> anywhere in an input, so a literal must not open one.
    /// </summary>
    public static string Literal(string text) =>
        text.Replace(EmbeddedExpression.Open, Expression(Quote(EmbeddedExpression.Open)), StringComparison.Ordinal);

    /// <summary>The value the key_values step printed: a property of the JSON object the runtime action outputs.</summary>
    public string Value(string name, SourceLocation source) =>
        keyValuesId is null
            ? throw InvalidGraphException.Broken($"a job whose cache keys use value '{name}' has a key_values step with an id", source)
            : Expression(RuntimeAction.Value(keyValuesId, name));

    /// <summary>GitHub's own digest of the files matching the globs (<c>!</c> excludes, as in the graph).</summary>
    public static string Checksum(IReadOnlyList<string> files) =>
        Expression($"hashFiles({string.Join(", ", files.Select(Quote))})");

    public static string Branch() => Expression("github.ref_name");

    public static string Revision() => Expression("github.sha");

    public static string Env(string name) => Expression($"env{Property(name)}");

    /// <summary>The leg's value: GitHub runs a matrix job's legs from one definition and fills it in per leg.</summary>
    public static string Matrix(string name) => Expression($"matrix{Property(name)}");

    /// <summary>Differs on every run and on every re-run of it, like CircleCI's <c>{{ epoch }}</c>.</summary>
    public static string Epoch() => $"{Expression("github.run_id")}-{Expression("github.run_attempt")}";

    public static string Arch() => $"{Expression("runner.os")}-{Expression("runner.arch")}";

    private static string Expression(string inner) => $"{EmbeddedExpression.Open} {inner} {EmbeddedExpression.Close}";

    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary><c>.name</c> for a name GitHub reads as a property name, else the index form <c>['name']</c>.</summary>
    private static string Property(string name) => IsPropertyName(name) ? $".{name}" : $"[{Quote(name)}]";

    private static bool IsPropertyName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
