using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// Which steps check out the repository: a <c>checkout</c> step, a <c>uses: actions/checkout</c> step (with or without
/// a ref, in any case), or a use of a command that contains one, at any depth. A condition on the step does not matter:
/// where the sources would be is decided once, whether or not the step runs. The automatic checkout, the injected
/// package/cache steps and <see cref="Job.CheckoutIndex"/> (which the providers follow) all use this one rule, on the
/// steps and commands one provider keeps after <c>only:</c>.
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

    public bool ChecksOut(Step step) => step switch
    {
        CheckoutStep => true,
        UsesStep { Uses: var uses } => uses == "actions/checkout" || uses.StartsWith("actions/checkout@", StringComparison.OrdinalIgnoreCase),
        CommandStep { Command: var name } => CommandChecksOut(name),
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
