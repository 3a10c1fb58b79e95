using System.Globalization;
using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering.Skipping;

/// <summary>
/// How a matrix leg names itself at run time. GitHub expands the matrix itself, so a leg knows only its <c>matrix</c>
/// values: each leg gets a key, a text made of the first of its values (in the order the legs name them, leaving out
/// those alike in every leg) that tell every leg of the job apart, and <see cref="Expression"/> spells that text from <c>matrix</c>. The plan job's JSON
/// object of leg decisions is keyed by it, and under <c>early_exit</c> a leg finds its marker with it. The expression
/// is as long as the values it reads, whatever the number of legs.
/// </summary>
internal sealed class LegChoice
{
    /// <summary>What joins the values of a key; the first that keeps the keys apart is taken.</summary>
    private static readonly string[] Separators = ["/", "|", ";", " ", ","];

    private LegChoice(string expression, IReadOnlyList<string> keys, bool ambiguous)
    {
        Expression = expression;
        Keys = keys;
        Ambiguous = ambiguous;
    }

    /// <summary>The running leg's key, without <c>${{ }}</c>: <c>matrix.arch</c>, or <c>format('{0}/{1}', matrix.arch, matrix.ruby)</c>.</summary>
    public string Expression { get; }

    /// <summary>Each leg's key, in the order of <see cref="Job.MatrixLegs"/>.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>True when no choice of values tells two legs apart (GitHub compares object keys ignoring case).</summary>
    public bool Ambiguous { get; }

    public static LegChoice For(Job job)
    {
        var legs = job.MatrixLegs;
        var names = legs.SelectMany(l => l.Values.Keys).Distinct(StringComparer.Ordinal).ToList();
        // A value every leg has alike (the one arch of an arm64-only job) tells no legs apart.
        var telling = names.Where(name => legs.Select(l => l.Values.ContainsKey(name) ? Text(l, name) : null).Distinct().Count() > 1).ToList();
        names = telling.Count > 0 ? telling : [.. names.Take(1)];
        for (var count = 1; count <= names.Count; count++)
        {
            var chosen = names.Take(count).ToList();
            foreach (var separator in count == 1 ? new[] { string.Empty } : Separators)
            {
                var keys = legs.Select(leg => string.Join(separator, chosen.Select(name => Text(leg, name)))).ToList();
                if (keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == keys.Count)
                {
                    return new LegChoice(Spell(legs, chosen, separator), keys, ambiguous: false);
                }
            }
        }

        var all = legs.Select(leg => string.Join(Separators[0], names.Select(name => Text(leg, name)))).ToList();
        return new LegChoice(Spell(legs, names, Separators[0]), all, ambiguous: true);
    }

    public static SkipMarker MarkerOf(JobSkipping skipping, MatrixLeg leg) =>
        skipping.Markers.FirstOrDefault(m => m.Leg == leg.Suffix)
        ?? throw CIGen.Provider.Sdk.InvalidGraphException.Broken($"every matrix leg has a skip marker, but leg '{leg.Suffix}' has none", null);

    public static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>
    /// <c>matrix.X</c> when one value that is a string in every leg names the leg (an object's key must be a string);
    /// else <c>format</c>, which turns each value into text as <see cref="Text"/> does.
    /// </summary>
    private static string Spell(IReadOnlyList<MatrixLeg> legs, IReadOnlyList<string> names, string separator)
    {
        if (names.Count == 1 && legs.All(l => l.Values.TryGetValue(names[0], out var value) && value.Kind == ScalarKind.String))
        {
            return $"matrix.{names[0]}";
        }

        var format = string.Join(separator, names.Select((_, i) => $"{{{i}}}"));
        return $"format({Quote(format)}, {string.Join(", ", names.Select(n => $"matrix.{n}"))})";
    }

    /// <summary>
    /// A value as GitHub's <c>format</c> writes it: a string as it is, a boolean as <c>true</c>/<c>false</c>, a number
    /// in its shortest form with up to 15 significant digits (<c>3.10</c> is <c>3.1</c>), a value the leg lacks as nothing.
    /// </summary>
    private static string Text(MatrixLeg leg, string name) => !leg.Values.TryGetValue(name, out var value)
        ? string.Empty
        : value.Kind == ScalarKind.Number && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("G15", CultureInfo.InvariantCulture)
            : value.Text;
}
