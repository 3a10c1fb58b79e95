using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>A job's steps as GitHub steps, and where its checkout ends among them.</summary>
/// <param name="ThroughCheckout">
/// How many of <paramref name="Steps"/> the graph's steps up to and including <see cref="Job.CheckoutIndex"/> became
/// (a command's steps are written inline, so all of them when the checkout is in a command); what needs the sources
/// goes right after them. Null when the job has no checkout, or its step became none.
/// </param>
internal sealed record RenderedSteps(IReadOnlyList<JobStep> Steps, int? ThroughCheckout);
