using System.Text.RegularExpressions;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>One leg of a matrix job as rendered: its job's name and the leg's matrix values.</summary>
internal sealed record FoldLeg(string Name, IReadOnlyList<(string Name, string Value)> Values);

/// <summary>The legs of one matrix job, and the name their shared definition would get.</summary>
internal sealed record LegGroup(string Job, IReadOnlyList<FoldLeg> Legs);

/// <summary>How a workflow uses a leg whose job was folded: the shared definition, and what the leg passes it.</summary>
internal sealed record LegUse(string Job, IReadOnlyList<(string Name, YamlScalar Value)> Arguments);

/// <summary>
/// Matrix legs are rendered as one job each (<see cref="MatrixExpansion"/>), which decides every condition and value per
/// leg; but legs that differ only in their matrix values and their own name are one job a maintainer reads once. Such
/// legs (all of a matrix job's, or each set of them that agree, the first set named after the job, later ones
/// <c>&lt;job&gt;_2</c>, …) become one job with a string parameter per matrix name (and <see cref="LegParameter"/> for the leg's name, which
/// its skip marker is keyed on), used by each leg under its own name: <c>- e2e: {name: e2e_bun, dir: bun, …}</c>.
/// <para>
/// The shared job is made from the legs' own renderings, and kept only when it is exact: each leg's definition with its
/// name and values replaced by parameter references must give the same job for every leg, and that job with one leg's
/// arguments filled in must give back that leg's definition, string for string. Otherwise — a condition or a runner that
/// differs from every other leg's, a value that also occurs as plain text — the leg stays a job of its own, which is never wrong.
/// </para>
/// Not used for the continued config of <c>circleci: {dynamic: true}</c>, whose filter removes skipped jobs by name.
/// </summary>
internal static partial class LegFold
{
    /// <summary>The parameter holding the leg's own job name, in the folded job's skip-marker keys.</summary>
    public const string LegParameter = "cigen_leg";

    /// <summary>The legs of each matrix job of each workflow, by the names the jobs got (<see cref="JobNames"/>).</summary>
    public static IEnumerable<LegGroup> Groups(ExpandedGraph expanded, IReadOnlyList<JobCandidate> candidates, IReadOnlyList<string> names)
    {
        foreach (var ((workflow, job), legIds) in expanded.Legs)
        {
            var legs = new List<FoldLeg>();
            foreach (var legId in legIds)
            {
                var index = IndexOf(candidates, workflow, legId);
                if (index < 0)
                {
                    break;
                }

                var matrix = expanded.MatrixOf(workflow, legId);
                legs.Add(new FoldLeg(names[index], [.. matrix.Names.Order(StringComparer.Ordinal).Select(n => (n, matrix.Value(n) ?? ""))]));
            }

            if (legs.Count == legIds.Count && legs.Count > 0)
            {
                // A leg renamed after its workflow (JobNames) names the shared job the same way.
                var renamed = legs[0].Name.StartsWith($"{workflow}_", StringComparison.Ordinal) && legIds[0] != legs[0].Name;
                yield return new LegGroup(renamed ? $"{workflow}_{job}" : job, legs);
            }
        }
    }

    /// <returns>The jobs with each set of legs that share a job replaced by that job (where its first leg was), and per leg name how its workflow uses it.</returns>
    /// <param name="taken">Names a shared job must not have (compared ignoring case, as CircleCI does): commands, other jobs.</param>
    public static (IReadOnlyList<JobDefinition> Jobs, IReadOnlyDictionary<string, LegUse> Uses) Apply(
        IReadOnlyList<JobDefinition> jobs, IEnumerable<LegGroup> groups, IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var byName = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
        var uses = new Dictionary<string, LegUse>(StringComparer.Ordinal);
        var shared = new Dictionary<string, JobDefinition>(StringComparer.Ordinal);
        foreach (var group in groups.DistinctBy(g => string.Join('\n', g.Legs.Select(l => l.Name))))
        {
            if (group.Legs.Count < 2 || group.Legs.Any(l => uses.ContainsKey(l.Name) || !byName.ContainsKey(l.Name)) || !Foldable(group, byName))
            {
                continue;
            }

            // Legs with the same template share it; the first such set gets the matrix job's name, later ones _2, _3, ….
            // Only values that differ between the legs become parameters: a value every leg has is text like any other.
            var sets = group.Legs.GroupBy(leg => Template(group.Job, leg, Varying(group.Legs), byName[leg.Name]).Text(), StringComparer.Ordinal)
                .Where(set => set.Count() >= 2);
            var n = 1;
            foreach (var set in sets)
            {
                var name = n == 1 ? group.Job : $"{group.Job}_{n}";
                var legs = set.ToList();
                var templates = legs.Select(leg => Template(name, leg, Varying(legs), byName[leg.Name])).ToList();
                if (names.Contains(name) || templates.Select(t => t.Text()).Distinct(StringComparer.Ordinal).Count() != 1
                    || Proven(templates[0], legs, byName) is not { } job)
                {
                    continue;
                }

                n++;
                names.Add(name);
                shared[legs[0].Name] = job;
                foreach (var leg in legs)
                {
                    uses[leg.Name] = new LegUse(name, [.. job.Parameters.Select(p => (p.Name, YamlScalar.String(ArgumentOf(leg, p.Name))))]);
                }
            }
        }

        if (uses.Count == 0)
        {
            return (jobs, uses);
        }

        var folded = jobs.Select(j => shared.TryGetValue(j.Name, out var job) ? job : uses.ContainsKey(j.Name) ? null : j).OfType<JobDefinition>();
        return ([.. folded], uses);
    }

    /// <summary>Whether the group's names and values can be parameters at all.</summary>
    private static bool Foldable(LegGroup group, IReadOnlyDictionary<string, JobDefinition> byName) =>
        group.Legs.SelectMany(l => l.Values).All(v => ParameterName().IsMatch(v.Name) && v.Name != LegParameter && !v.Value.Any(c => c is Hole or Mark))
        && !group.Legs.Any(l => byName[l.Name].Text().Contains("<< parameters.", StringComparison.Ordinal));

    /// <summary>The matrix names whose values are not the same in every one of the legs.</summary>
    private static IReadOnlySet<string> Varying(IReadOnlyCollection<FoldLeg> legs) =>
        legs.SelectMany(l => l.Values).GroupBy(v => v.Name, StringComparer.Ordinal)
            .Where(values => values.Count() != legs.Count || values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(values => values.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The leg's job with its name and its <paramref name="varying"/> values replaced by parameter references (none declared yet).</summary>
    private static JobDefinition Template(string job, FoldLeg leg, IReadOnlySet<string> varying, JobDefinition definition) =>
        definition.MapText(text => References(leg, varying, text)) with { Name = job };

    /// <summary>
    /// The shared job with the parameters its text reads, or null unless each leg's arguments filled into it give back
    /// that leg's own job, string for string: the proof that folding changes nothing a leg runs.
    /// </summary>
    private static JobDefinition? Proven(JobDefinition template, IReadOnlyList<FoldLeg> legs, IReadOnlyDictionary<string, JobDefinition> byName)
    {
        var text = template.Text();
        var used = new[] { LegParameter }.Concat(legs.SelectMany(l => l.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal))
            .Where(n => text.Contains(Reference(n), StringComparison.Ordinal)).ToList();
        foreach (var leg in legs)
        {
            var filled = template.MapText(t => used.Aggregate(t, (current, n) => current.Replace(Reference(n), ArgumentOf(leg, n), StringComparison.Ordinal)));
            if (filled.Text() != byName[leg.Name].Text())
            {
                return null;
            }
        }

        return template with
        {
            Parameters = [.. used.Select(n => new CommandParameter
            {
                Name = n,
                Type = "string",
                Description = n == LegParameter ? "The leg's job name, which its skip marker is keyed on" : $"Matrix value {n}",
            })],
        };
    }

    /// <summary>
    /// The text with the leg's name, then its varying values (longest first, so a value inside another is not split), replaced
    /// by parameter references. Marks hold the places already replaced, so a later value cannot match inside a reference.
    /// </summary>
    private static string References(FoldLeg leg, IReadOnlySet<string> varying, string text)
    {
        var replacements = new List<(string Text, string Parameter)> { (leg.Name, LegParameter) };
        replacements.AddRange(leg.Values.Where(v => v.Value.Length > 0 && varying.Contains(v.Name)).OrderByDescending(v => v.Value.Length).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => (v.Value, v.Name)));
        var parameters = new List<string>();
        foreach (var (value, parameter) in replacements)
        {
            text = text.Replace(value, $"{Hole}{new string(Mark, parameters.Count + 1)}{Hole}", StringComparison.Ordinal);
            parameters.Add(parameter);
        }

        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            text = text.Replace($"{Hole}{new string(Mark, i + 1)}{Hole}", Reference(parameters[i]), StringComparison.Ordinal);
        }

        return text;
    }

    private static int IndexOf(IReadOnlyList<JobCandidate> candidates, string workflow, string job)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Workflow.Id == workflow && candidates[i].Job.Id == job)
            {
                return i;
            }
        }

        return -1;
    }

    private static string ArgumentOf(FoldLeg leg, string parameter) =>
        parameter == LegParameter ? leg.Name : leg.Values.FirstOrDefault(v => v.Name == parameter).Value ?? "";

    private static string Reference(string parameter) => $"<< parameters.{parameter} >>";

    // Characters no rendered config holds (values holding them are not folded): a replaced place is Hole Mark… Hole.
    private const char Hole = '\u0001';
    private const char Mark = '\u0002';

    // What ParameterSyntax keeps as the provider's own reference, and CircleCI accepts as a parameter name.
    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
