using System.Text;
using CIGen.Core.Config;
using CIGen.Core.Config.Model;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// The combinations a matrix job runs as, with GitHub's semantics so every provider runs the same legs:
/// <list type="number">
/// <item>The product of the architectures (as dimension <c>arch</c>) and the dimensions, in that order; the last
/// dimension varies fastest.</item>
/// <item><c>exclude</c> removes every combination that matches all of an entry's values (names must be dimensions).</item>
/// <item><c>include</c>, entry by entry: added to every remaining combination whose dimension values it does not
/// contradict (its other values are added, later entries overwriting earlier added ones); if it fits none, it is
/// appended as a combination of its own.</item>
/// </list>
/// Suffix rule: the leg's dimension values (arch first; for a leg include appended without any dimension, all its values), joined by
/// <c>_</c>, each character CircleCI rejects in job names (anything but letters, digits, <c>_</c>, <c>-</c>) replaced
/// by <c>_</c>: <c>arm64_3_3</c>. Two legs with the same suffix (ignoring case) are an error.
/// </summary>
internal static class MatrixLegs
{
    public const string Arch = "arch";

    public static IReadOnlyList<MatrixLeg> Compute(
        IReadOnlyList<string> architectures, MatrixModel matrix, SourceLocation jobSource, DiagnosticBag diagnostics, Scope scope)
    {
        var dimensions = new List<MatrixDimension>();
        if (architectures.Count > 0)
        {
            if (matrix.Dimensions.Any(d => d.Name == Arch))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, jobSource,
                    $"the job has `architectures` and a matrix dimension `{Arch}`; `{Arch}` is the architectures' dimension, rename yours", scope);
                return [];
            }

            dimensions.Add(new MatrixDimension(Arch, [.. architectures.Select(Scalar.String)]));
        }

        dimensions.AddRange(matrix.Dimensions);
        if (dimensions.Count == 0 && matrix.Include.Count == 0)
        {
            if (matrix.Exclude.Count > 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, matrix.Exclude[0].Source,
                    "`exclude` needs matrix dimensions or `architectures` to remove combinations from", scope);
            }

            return [];
        }

        var names = dimensions.Select(d => d.Name).ToList();
        var legs = Product(dimensions);
        foreach (var exclude in matrix.Exclude)
        {
            if (exclude.Values.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, exclude.Source,
                    $"`exclude` names `{unknown}`, which is not a dimension of the matrix; dimensions are: {string.Join(", ", names)}", scope);
                continue;
            }

            legs.RemoveAll(leg => Matches(leg.Values, exclude.Values, names));
        }

        var original = legs.Count;
        foreach (var include in matrix.Include)
        {
            var fits = legs.Take(original).Where(leg => Matches(leg.Values, include.Values, names)).ToList();
            foreach (var leg in fits)
            {
                foreach (var (name, value) in include.Values.Where(v => !names.Contains(v.Key)))
                {
                    leg.Values[name] = value;
                }
            }

            if (fits.Count == 0)
            {
                var values = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
                foreach (var name in names.Where(include.Values.ContainsKey))
                {
                    values.Add(name, include.Values[name]);
                }

                foreach (var (name, value) in include.Values.Where(v => !names.Contains(v.Key)))
                {
                    values.Add(name, value);
                }

                legs.Add(new Leg(values, Appended: true, include.Source));
            }
        }

        // No leg: GitHub rejects an empty matrix, and CircleCI would have no job to write.
        if (legs.Count == 0 && matrix.Exclude.Count > 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, matrix.Exclude[^1].Source,
                "`exclude` removes every combination of the matrix and no `include` adds a leg, so the job would never run; "
                + "remove an `exclude` entry, or the job", scope);
            return [];
        }

        return Named(legs, names, jobSource, diagnostics, scope);
    }

    /// <summary>Replaces every character CircleCI rejects in a job name by <c>_</c>.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return builder.ToString();
    }

    private static List<MatrixLeg> Named(List<Leg> legs, List<string> names, SourceLocation jobSource, DiagnosticBag diagnostics, Scope scope)
    {
        var result = new List<MatrixLeg>();
        var taken = new Dictionary<string, OrderedDictionary<string, Scalar>>(StringComparer.OrdinalIgnoreCase);
        foreach (var leg in legs)
        {
            var dimensionValues = names.Where(leg.Values.ContainsKey).Select(n => leg.Values[n]).ToList();
            var parts = dimensionValues.Count > 0 ? dimensionValues : [.. leg.Values.Values];
            var suffix = string.Join("_", parts.Select(p => Sanitize(p.Text)));
            if (taken.TryGetValue(suffix, out var first))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, leg.Source ?? jobSource,
                    $"matrix legs {Describe(first)} and {Describe(leg.Values)} get the same name suffix `{suffix}` "
                    + "(values joined by `_`, characters other than letters, digits, `_` and `-` replaced by `_`); make the values differ", scope);
                continue;
            }

            taken.Add(suffix, leg.Values);
            result.Add(new MatrixLeg { Values = leg.Values, Suffix = suffix });
        }

        return result;
    }

    private static string Describe(OrderedDictionary<string, Scalar> values) =>
        "{" + string.Join(", ", values.Select(v => $"{v.Key}: {v.Value.Text}")) + "}";

    /// <summary>True when every value of <paramref name="entry"/> for a dimension equals the leg's.</summary>
    private static bool Matches(OrderedDictionary<string, Scalar> leg, OrderedDictionary<string, Scalar> entry, List<string> names) =>
        entry.Where(e => names.Contains(e.Key)).All(e => leg.TryGetValue(e.Key, out var value) && value.Text == e.Value.Text);

    private static List<Leg> Product(List<MatrixDimension> dimensions)
    {
        if (dimensions.Count == 0)
        {
            return [];
        }

        IEnumerable<OrderedDictionary<string, Scalar>> combinations = [new OrderedDictionary<string, Scalar>(StringComparer.Ordinal)];
        foreach (var dimension in dimensions)
        {
            combinations = combinations.SelectMany(partial => dimension.Values.Select(value =>
            {
                var next = new OrderedDictionary<string, Scalar>(partial, StringComparer.Ordinal) { { dimension.Name, value } };
                return next;
            })).ToList();
        }

        return [.. combinations.Select(c => new Leg(c, Appended: false, null))];
    }

    private sealed record Leg(OrderedDictionary<string, Scalar> Values, bool Appended, SourceLocation? Source);
}
