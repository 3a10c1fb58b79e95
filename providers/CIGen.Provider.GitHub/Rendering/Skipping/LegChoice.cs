using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// Lets a matrix leg pick its own marker at run time. GitHub expands the matrix itself, so a leg knows only its
/// <c>matrix</c> values; the expression compares them with each leg's values from the graph (a leg is the one
/// combination with all of them) and yields that leg's text.
/// </summary>
internal static class LegChoice
{
    /// <summary>
    /// <c>(matrix.arch == 'amd64' &amp;&amp; 'a') || (matrix.arch == 'arm64' &amp;&amp; 'b') || ''</c>, without <c>${{ }}</c>; the
    /// texts must not be empty (an empty text reads as false).
    /// </summary>
    public static string Expression(Job job, Func<MatrixLeg, string> text) =>
        string.Join(" || ", job.MatrixLegs.Select(leg => $"({Matches(leg)} && {Quote(text(leg))})").Append("''"));

    /// <summary>The leg's marker prefix, chosen at run time.</summary>
    public static string Prefix(Job job, JobSkipping skipping) =>
        $"${{{{ {Expression(job, leg => MarkerOf(skipping, leg).Prefix)} }}}}";

    public static SkipMarker MarkerOf(JobSkipping skipping, MatrixLeg leg) =>
        skipping.Markers.FirstOrDefault(m => m.Leg == leg.Suffix)
        ?? throw CIGen.Provider.Sdk.InvalidGraphException.Broken($"every matrix leg has a skip marker, but leg '{leg.Suffix}' has none", null);

    public static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Matches(MatrixLeg leg) =>
        string.Join(" && ", leg.Values.Select(v => $"matrix.{v.Key} == {Literal(v.Value)}"));

    private static string Literal(Scalar value) => value.Kind switch
    {
        ScalarKind.Number or ScalarKind.Boolean => value.Text,
        _ => Quote(value.Text),
    };
}
