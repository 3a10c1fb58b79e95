using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using CIGen.Provider.GitHub.Rendering.Skipping;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Architectures and matrix dimensions as GitHub's native <c>strategy.matrix</c>: architectures become the first
/// dimension, <c>arch</c>, and a job that picks no runner labels runs on the hosted runner of its leg's arch.
/// </summary>
internal static class MatrixRenderer
{
    public const string Arch = "arch";
    public const string HostedArm64 = "ubuntu-24.04-arm";

    /// <summary>
    /// Null for a job that runs once. For a matrix job the plan job decides about (<paramref name="skipping"/>), the
    /// legs it skips are left out: by an <c>exclude</c> the plan writes, else (a matrix of its own <c>include</c> or
    /// <c>exclude</c>) by the plan writing the whole matrix of the legs that run (<see cref="PlanJob.MatrixLegsOutput"/>).
    /// </summary>
    public static MatrixStrategy? Strategy(Job job, WorkflowSkipping skipping)
    {
        if (job.MatrixLegs.Count == 0)
        {
            return null;
        }

        var planned = skipping.Decides(job.Id) ? WorkflowSkipping.MatrixLegs(job) : null;
        if (planned is not null && !PlanJob.ExcludesLegs(job))
        {
            return new MatrixStrategy { FailFast = job.FailFast, Expression = $"${{{{ fromJSON({planned}) }}}}" };
        }

        IReadOnlyList<MatrixDimension> architectures = job.Architectures.Count > 0
            ? [new MatrixDimension(Arch, [.. job.Architectures.Select(Scalar.String)])]
            : [];
        return new MatrixStrategy
        {
            FailFast = job.FailFast,
            Dimensions = [.. architectures, .. job.Matrix],
            Include = job.MatrixInclude,
            Exclude = job.MatrixExclude,
            ExcludeExpression = planned is null ? null : $"${{{{ fromJSON({planned} || '[]') }}}}",
        };
    }

    /// <summary>The hosted runner label for the leg's arch, or null when the job does not vary by arch.</summary>
    public static string? HostedRunsOn(Job job, string defaultRunner) => job.Architectures switch
    {
        _ when job.MatrixLegs.Count == 0 => null,
        [] => null,
        ["arm64"] => HostedArm64,
        ["amd64"] => defaultRunner,
        _ => $"${{{{ matrix.{Arch} == 'arm64' && '{HostedArm64}' || '{defaultRunner}' }}}}",
    };
}
