using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// GitHub reads a local action (<see cref="RuntimeAction"/>) from the job's checkout of the repository, so a job that
/// calls it without having checked the repository out first (<c>checkout: false</c> with automatic caches, or with an
/// S3 or Redis skip marker to record) gets a sparse checkout of the action's directory alone right before its first
/// call, run when that call runs.
/// </summary>
internal static class RuntimeCheckout
{
    public const string Name = "Check out cigen's runtime action";

    public static IReadOnlyList<JobStep> Ensure(IReadOnlyList<JobStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (ChecksOutTheRepository(steps[i]))
            {
                return steps;
            }

            if (RuntimeAction.IsUse(steps[i]))
            {
                return [.. steps.Take(i), Step(steps[i].If), .. steps.Skip(i)];
            }
        }

        return steps;
    }

    /// <summary>
    /// The checkout: only the action's directory (<c>sparse-checkout</c> takes gitignore-style patterns with cone mode
    /// off), under the condition of the call it serves.
    /// </summary>
    public static ActionStep Step(string? condition) => new()
    {
        Name = Name,
        If = condition,
        Uses = ActionStep.Checkout,
        With = new OrderedDictionary<string, Scalar>
        {
            ["sparse-checkout"] = RuntimeAction.Directory,
            ["sparse-checkout-cone-mode"] = Scalar.Boolean(false),
        },
    };

    /// <summary>
    /// A checkout of this repository into the workspace root, whole: the action is there after it. One of another
    /// repository, into a subdirectory, or sparse may leave it out.
    /// </summary>
    private static bool ChecksOutTheRepository(JobStep step) =>
        step is ActionStep { Uses: var uses, With: var with }
        && uses.StartsWith("actions/checkout@", StringComparison.Ordinal)
        && !with.ContainsKey("repository") && !with.ContainsKey("path") && !with.ContainsKey("sparse-checkout");
}
