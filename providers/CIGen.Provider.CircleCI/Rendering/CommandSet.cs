using CIGen.Protocol;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The graph's commands as this config needs them. A command is written to <c>commands:</c> when some job uses it,
/// directly or through other commands, and it does something here: after <c>only:</c> a command may have no steps left
/// (or use only such commands); CircleCI needs at least one step per command, and leaving the command and every use
/// of it out runs exactly what the user asked for on CircleCI: nothing.
/// </summary>
internal sealed class CommandSet
{
    private readonly Dictionary<string, Command> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> empty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> users = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IReadOnlyList<MatrixParameter>> matrixParameters;
    private readonly IReadOnlyDictionary<string, string> testNames;

    public CommandSet(Graph graph)
    {
        foreach (var command in graph.Commands)
        {
            byName[command.Name] = command;
        }

        foreach (var workflow in graph.Workflows)
        {
            foreach (var job in workflow.Jobs)
            {
                MarkUsed(job.Steps, $"{workflow.Id}/{job.Id}", []);
            }
        }

        Written = [.. graph.Commands.Where(c => users.ContainsKey(c.Name) && !IsEmpty(c.Name))];
        (matrixParameters, testNames) = CommandMatrixParameters.Of(graph.Commands);
    }

    /// <summary>The parameters the command takes for the matrix, in first-use order (<see cref="CommandMatrixParameters"/>).</summary>
    public IReadOnlyList<MatrixParameter> MatrixParametersOf(string name) => matrixParameters.TryGetValue(name, out var parameters) ? parameters : [];

    /// <summary>The reference to the parameter of a test of matrix values in a command step's condition (<see cref="CommandMatrixConditions"/>).</summary>
    public string TestReference(Condition test) => testNames.TryGetValue(CommandMatrixConditions.Spell(test), out var name)
        ? CommandMatrixParameters.Reference(name)
        : throw new InvalidOperationException($"every test of matrix values in a command step's condition has a parameter, but `{CommandMatrixConditions.Spell(test)}` has none");

    /// <summary>The commands to write, in the graph's order.</summary>
    public IReadOnlyList<Command> Written { get; }

    /// <summary>The jobs that use <paramref name="command"/>, directly or through other commands, as <c>workflow/job</c>.</summary>
    public IReadOnlyList<string> UsersOf(Command command) => users[command.Name];

    /// <summary>True for a step that uses a command with nothing to run here: it is left out.</summary>
    public bool IsLeftOut(Step step) => step is CommandStep use && IsEmpty(use.Command);

    private bool IsEmpty(string name) => IsEmpty(name, []);

    private bool IsEmpty(string name, IReadOnlyList<string> stack)
    {
        if (empty.TryGetValue(name, out var known))
        {
            return known;
        }

        var command = Find(name, stack);
        var result = command.Steps.All(s => s is CommandStep use && IsEmpty(use.Command, [.. stack, name]));
        empty[name] = result;
        return result;
    }

    private void MarkUsed(IReadOnlyList<Step> steps, string user, IReadOnlyList<string> stack)
    {
        foreach (var step in steps.OfType<CommandStep>())
        {
            var command = Find(step.Command, stack, step.Source);
            if (!users.TryGetValue(command.Name, out var list))
            {
                users[command.Name] = list = [];
            }

            if (!list.Contains(user))
            {
                list.Add(user);
                MarkUsed(command.Steps, user, [.. stack, command.Name]);
            }
        }
    }

    // Guards, not checks: the host guarantees both (docs/protocol.md §6); either broken would loop or crash.
    private Command Find(string name, IReadOnlyList<string> stack, SourceLocation? at = null)
    {
        if (stack.Contains(name))
        {
            throw InvalidGraphException.Broken($"commands do not use themselves, but {string.Join(" → ", stack.Append(name))}", at);
        }

        return byName.TryGetValue(name, out var command)
            ? command
            : throw InvalidGraphException.Broken($"every command step names a command of the graph, but '{name}' is none", at);
    }
}
