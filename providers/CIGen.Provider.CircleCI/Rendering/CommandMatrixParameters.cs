using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A parameter a command takes because its steps depend on the matrix. <paramref name="Test"/> null: the matrix value
/// <paramref name="Name"/>, a string its steps read. Else whether the leg's values make the test of its steps'
/// conditions hold (<see cref="CommandMatrixConditions"/>), a boolean named after the test.
/// </summary>
internal sealed record MatrixParameter(string Name, Condition? Test = null)
{
    public CommandParameter Definition => Test is null
        ? new() { Name = Name, Type = "string", Description = $"Matrix value {Name}" }
        : new() { Name = Name, Type = "boolean", Description = $"Matrix test {CommandMatrixConditions.Spell(Test)}, decided per leg" };

    /// <summary>What a job passes for the parameter: its value, or the test decided by its values; null when its matrix has no such value.</summary>
    public YamlScalar? Argument(JobMatrix matrix) => Test is null
        ? matrix.Value(Name) is { } value ? YamlScalar.String(value) : null
        : YamlScalar.Boolean(ConditionMeaning.Decide(Test, matrix.Facts)
            ?? throw new InvalidOperationException("the leg's values decide a test of matrix values"));
}

/// <summary>
/// A command is written once and shared by every leg of a matrix job, so a <c>${{ matrix.X }}</c> in its steps cannot be
/// replaced by one leg's value, nor a test of matrix values in its steps' conditions decided by one leg. CircleCI's way
/// is a parameter: the command gets a string parameter <c>X</c> for each matrix name its steps read, and a boolean
/// parameter for each test of matrix values in its steps' conditions (named after the test, <c>if_os_is_linux</c>, the
/// same name in every command), itself or through the commands it uses, in first-use order (a step's condition before
/// its fields); its steps read <c>&lt;&lt; parameters.X &gt;&gt;</c>, and each use passes the value on
/// (<see cref="StepRenderer"/>).
/// </summary>
internal static partial class CommandMatrixParameters
{
    private const int LongestName = 60;

    /// <summary>Per command name, the parameters it needs, in first-use order; and the name of each test's parameter, by its text.</summary>
    public static (IReadOnlyDictionary<string, IReadOnlyList<MatrixParameter>> ByCommand, IReadOnlyDictionary<string, string> TestNames) Of(IReadOnlyList<Command> commands)
    {
        var byName = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var taken = commands.SelectMany(c => c.Steps).SelectMany(MatrixExpansion.References).ToHashSet(StringComparer.Ordinal);
        var tests = new Dictionary<string, MatrixParameter>(StringComparer.Ordinal);
        MatrixParameter ForTest(Condition test)
        {
            var text = CommandMatrixConditions.Spell(test);
            if (!tests.TryGetValue(text, out var parameter))
            {
                var name = NameOf(text);
                for (var n = 2; !taken.Add(name); n++)
                {
                    name = $"{NameOf(text)}_{n}";
                }

                tests[text] = parameter = new MatrixParameter(name, test);
            }

            return parameter;
        }

        var needs = new Dictionary<string, IReadOnlyList<MatrixParameter>>(StringComparer.Ordinal);
        IReadOnlyList<MatrixParameter> Needs(Command command)
        {
            if (needs.TryGetValue(command.Name, out var known))
            {
                return known;
            }

            // Commands never use themselves (the host guarantees it; CommandSet guards it), so this ends.
            var parameters = command.Steps.SelectMany(step =>
                {
                    var own = CommandMatrixConditions.Of(step).Select(ForTest).Concat(MatrixExpansion.References(step).Select(n => new MatrixParameter(n)));
                    return step is CommandStep { Command: var used } && byName.TryGetValue(used, out var inner) ? own.Concat(Needs(inner)) : own;
                })
                .DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();
            needs[command.Name] = parameters;
            return parameters;
        }

        foreach (var command in commands)
        {
            Needs(command);
        }

        return (needs, tests.ToDictionary(t => t.Key, t => t.Value.Name, StringComparer.Ordinal));
    }

    public static string Reference(string name) => $"<< parameters.{name} >>";

    /// <summary>The command's steps reading its parameters where they referred to the matrix.</summary>
    public static IReadOnlyList<Step> ReadingParameters(Command command) =>
        [.. command.Steps.Select(step => MatrixExpansion.Replace(step, (name, _) => Reference(name)))];

    /// <summary>
    /// <c>if_</c> and the test in words, for a name that says what it decides: <c>matrix.os != 'windows'</c> →
    /// <c>if_os_is_not_windows</c>, <c>!matrix.cross</c> → <c>if_not_cross</c>, <c>''</c> → <c>empty</c>.
    /// </summary>
    private static string NameOf(string test)
    {
        var words = new List<string>();
        var at = 0;
        foreach (Match literal in Literal().Matches(test))
        {
            words.Add(Operators(test[at..literal.Index]));
            words.Add(literal.Length == 2 ? "empty" : literal.Value[1..^1]);
            at = literal.Index + literal.Length;
        }

        words.Add(Operators(test[at..]));
        var name = "if_" + NotWord().Replace(string.Join(" ", words), "_").Trim('_');
        return name.Length <= LongestName ? name : name[..LongestName].TrimEnd('_');

        static string Operators(string text) => text
            .Replace("matrix.", " ", StringComparison.Ordinal)
            .Replace("==", " is ", StringComparison.Ordinal)
            .Replace("!=", " is not ", StringComparison.Ordinal)
            .Replace("!", " not ", StringComparison.Ordinal)
            .Replace("&&", " and ", StringComparison.Ordinal)
            .Replace("||", " or ", StringComparison.Ordinal)
            .Replace("startsWith", " starts with ", StringComparison.Ordinal);
    }

    [GeneratedRegex("'(?:[^']|'')*'", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotWord();
}
