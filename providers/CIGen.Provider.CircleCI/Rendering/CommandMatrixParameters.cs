using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A command is written once and shared by every leg of a matrix job, so a <c>${{ matrix.X }}</c> in its steps cannot be
/// replaced by one leg's value. CircleCI's way is a parameter: the command gets a string parameter <c>X</c> for each
/// matrix name it uses — itself or through the commands it uses — in first-use order, its steps read
/// <c>&lt;&lt; parameters.X &gt;&gt;</c>, and each use passes the value on (<see cref="StepRenderer"/>).
/// </summary>
internal static class CommandMatrixParameters
{
    /// <summary>Per command name, the matrix names it needs as parameters, in first-use order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(IReadOnlyList<Command> commands)
    {
        var byName = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var needs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> Needs(Command command)
        {
            if (needs.TryGetValue(command.Name, out var known))
            {
                return known;
            }

            // Commands never use themselves (the host guarantees it; CommandSet guards it), so this ends.
            var names = command.Steps.SelectMany(step => step.Kind == StepKind.Command && step.Command is { } used && byName.TryGetValue(used, out var inner)
                    ? MatrixExpansion.References(step).Concat(Needs(inner))
                    : MatrixExpansion.References(step))
                .Distinct(StringComparer.Ordinal).ToList();
            needs[command.Name] = names;
            return names;
        }

        foreach (var command in commands)
        {
            Needs(command);
        }

        return needs;
    }

    public static string Reference(string name) => $"<< parameters.{name} >>";

    public static CommandParameter Parameter(string name) => new() { Name = name, Type = "string", Description = $"Matrix value {name}" };

    /// <summary>The command's steps reading its parameters where they referred to the matrix.</summary>
    public static IReadOnlyList<Step> ReadingParameters(Command command) =>
        [.. command.Steps.Select(step => MatrixExpansion.Replace(step, (name, _) => Reference(name)))];
}
