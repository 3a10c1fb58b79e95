using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>A job's steps as GitHub steps, and where its checkout ends among them.</summary>
/// <param name="ThroughCheckout">
/// How many of <paramref name="Steps"/> the graph's steps up to and including <see cref="Job.CheckoutIndex"/> became
/// (a command's steps are written inline, so all of them when the checkout is in a command); what needs the sources
/// goes right after them. Null when the job has no checkout, or its step became none.
/// </param>
/// <param name="Setup">
/// Where the steps the host adds for packages and caches right after the checkout (setup_package, the runs between
/// them, key_values, restore_cache) became steps: the first and how many, and how many install runs follow them; and
/// the indexes of the save_cache steps, at the job's end. Null when the job has none.
/// </param>
internal sealed record RenderedSteps(IReadOnlyList<JobStep> Steps, int? ThroughCheckout, SetupSpan? Setup = null);

/// <summary>A job's package and cache setup among its rendered steps (<see cref="RenderedSteps.Setup"/>).</summary>
/// <param name="Installs">How many steps right after the span are the host's install runs (before the user's steps).</param>
internal sealed record SetupSpan(int Start, int Count, IReadOnlyList<int> Saves, IReadOnlyList<string> Packages, int Installs = 0);
