using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// Which steps check out the repository: a <c>checkout</c> step, a <c>uses: actions/checkout</c> step, or a command
/// that contains one. The automatic checkout and the injected package/cache steps both follow this one rule.
/// </summary>
internal sealed class CheckoutRule(IReadOnlyList<Command> commands)
{
    private readonly Dictionary<string, bool> commandChecksOut = new(StringComparer.Ordinal);

    /// <summary>The index of the first step that checks out; -1 when none does.</summary>
    public int IndexOfCheckout(IReadOnlyList<Step> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (ChecksOut(steps[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public bool ChecksOut(Step step) => step.Kind switch
    {
        StepKind.Checkout => true,
        StepKind.Uses => step.Uses is { } uses
            && (uses == "actions/checkout" || uses.StartsWith("actions/checkout@", StringComparison.OrdinalIgnoreCase)),
        StepKind.Command => step.Command is { } name && CommandChecksOut(name),
        _ => false,
    };

    private bool CommandChecksOut(string name)
    {
        if (!commandChecksOut.TryGetValue(name, out var answer))
        {
            // The core builds the graph before reporting command cycles, so a cycle must not recurse forever.
            commandChecksOut[name] = false;
            answer = commands.FirstOrDefault(c => c.Name == name)?.Steps.Any(ChecksOut) ?? false;
            commandChecksOut[name] = answer;
        }

        return answer;
    }
}
