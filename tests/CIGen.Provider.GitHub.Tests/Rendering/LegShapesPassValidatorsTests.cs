using System.Globalization;
using System.Text;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// Skippable jobs of every matrix shape — no matrix, one leg (one arch, one value), up to 6 legs from dimensions, from
/// <c>include</c> alone, with <c>exclude</c> and extra <c>include</c> values, strings, numbers and booleans — with each
/// marker backend and each skip strategy, made by the real core from configs, seeded and reproducible. Every workflow
/// must pass actionlint, GitHub's parser and shellcheck (with actionlint's settings), and no generated line may be
/// longer than <see cref="MaxLine"/> characters, whatever the number of legs.
/// </summary>
public class LegShapesPassValidatorsTests
{
    private const int MaxLine = 200;
    private const int Seed = 11;

    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in new[] { "native", "s3", "redis" })
        {
            foreach (var strategy in new[] { "plan", "early_exit" })
            {
                data.Add(backend, strategy);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_leg_shape_passes_the_validators_with_short_lines(string backend, string strategy)
    {
        var config = Config(backend, strategy, Shapes(new Random(Seed)));
        var result = Render.Graph(ConfigGraph.Load(config));

        result.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error, $"seed {Seed}, config:\n{config}");
        var files = result.Files.Select(f => new OutputFile(f.Path.Replace("ci.yml", $"ci-{backend}-{strategy}.yml", StringComparison.Ordinal), f.Content)).ToList();
        var workflows = files.Where(f => f.Path.StartsWith(".github/workflows/", StringComparison.Ordinal)).ToList();
        workflows.Should().ContainSingle();
        files.Select(f => f.Path).Should().Contain([RuntimeAction.ActionPath, RuntimeAction.ScriptPath], "every job calls the runtime action");
        var workflow = new WorkflowReadBack(workflows[0].Content);
        if (strategy == "plan")
        {
            workflow.JobIds.Should().Contain("cigen_plan");
        }

        var longLines = files.SelectMany(f => f.Content.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxLine).Select(l => $"{l.Path}:{l.Line} ({l.Text.Length}): {l.Text}").ToList();
        longLines.Should().BeEmpty($"no generated line is longer than {MaxLine} characters (seed {Seed}, config:\n{config})");
        Validators.AssertValidGitHubWorkflows(files);
    }

    [Fact]
    public void The_shapes_cover_0_to_6_legs_one_arch_and_include_only_legs()
    {
        var graph = ConfigGraph.Load(Config("native", "plan", Shapes(new Random(Seed))));
        var jobs = graph.Workflows.Single().Jobs;

        jobs.Select(j => j.MatrixLegs.Count).Distinct().Order().Should().Equal(0, 1, 2, 3, 4, 5, 6);
        jobs.Should().Contain(j => j.Architectures.Count == 1 && j.Matrix.Count == 0 && j.MatrixInclude.Count == 0);
        jobs.Should().Contain(j => j.Architectures.Count == 0 && j.Matrix.Count == 0 && j.MatrixInclude.Count > 1);
        jobs.Should().OnlyContain(j => j.Skipping != null);
    }

    /// <summary>The matrix part of each job's config (empty: no matrix), deterministic for a seed.</summary>
    private static IReadOnlyList<string> Shapes(Random random)
    {
        var shapes = new List<string> { "", "architectures: [amd64]", "architectures: [arm64]", "architectures: [amd64, arm64]" };
        for (var legs = 1; legs <= 6; legs++)
        {
            // One dimension of strings that look like numbers, paths or words, numbers, or booleans (at most 2 legs).
            shapes.Add($"matrix: {{version: [{string.Join(", ", Values(random, legs, "str"))}]}}");
            shapes.Add($"matrix: {{node: [{string.Join(", ", Values(random, legs, "num"))}]}}");
            // Legs from include alone, some with values the others lack.
            var entries = Enumerable.Range(0, legs).Select(i => i % 2 == 0
                ? $"{{os: {Values(random, 1, "str")[0].TrimEnd('\'')}-{i}', node: {Values(random, 1, "num")[0]}}}"
                : $"{{os: {Values(random, 1, "str")[0].TrimEnd('\'')}-{i}'}}");
            shapes.Add($"matrix: {{include: [{string.Join(", ", entries)}]}}");
            if (legs % 2 == 0)
            {
                // Both architectures × one dimension, the first leg with an extra include value.
                shapes.Add($"architectures: [amd64, arm64]\n    matrix: {{ruby: [{string.Join(", ", Values(random, legs / 2, "str"))}], "
                    + "include: [{arch: amd64, experimental: true}]}");
            }

            if (legs is 3 or 5)
            {
                // Two dimensions with one leg excluded: 2 × 2 - 1, 2 × 3 - 1.
                var flags = "[true, false]";
                var levels = Values(random, (legs + 1) / 2, "num");
                shapes.Add($"matrix: {{debug: {flags}, level: [{string.Join(", ", levels)}], exclude: [{{debug: true, level: {levels[0]}}}]}}");
            }
        }

        return shapes;
    }

    /// <summary>
    /// <paramref name="count"/> different values as YAML: numbers (different as numbers too: GitHub reads <c>12.0</c>
    /// as <c>12</c>), or quoted strings that look like versions, paths, words with a space.
    /// </summary>
    private static string[] Values(Random random, int count, string kind)
    {
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (values.Count < count)
        {
            var value = kind == "num"
                ? random.Next(3) == 0 ? $"{random.Next(1, 30)}.{random.Next(0, 12)}" : random.Next(1, 40).ToString(CultureInfo.InvariantCulture)
                : random.Next(4) switch
                {
                    0 => $"3.{random.Next(8, 14)}",
                    1 => $"linux/{(random.Next(2) == 0 ? "amd64" : "arm64")}-{random.Next(10)}",
                    2 => $"node {random.Next(18, 24)}",
                    _ => $"v{random.Next(100)}-rc",
                };
            var same = kind == "num" ? double.Parse(value, CultureInfo.InvariantCulture).ToString("G15", CultureInfo.InvariantCulture) : value;
            if (seen.Add(same))
            {
                values.Add(kind == "num" ? value : $"'{value}'");
            }
        }

        return [.. values];
    }

    private static string Config(string backend, string strategy, IReadOnlyList<string> shapes)
    {
        var config = new StringBuilder();
        config.Append(backend switch
        {
            "s3" => "cache_backends:\n  s3: {bucket: markers, region: us-east-1, access_key: '${AWS_KEY}', secret_key: '${AWS_SECRET}'}\nskip_cache: {default: s3}\n",
            "redis" => "cache_backends:\n  redis: {url: '${REDIS_URL}'}\nskip_cache: {default: redis}\n",
            _ => "",
        });
        config.Append(CultureInfo.InvariantCulture, $"github: {{skip_strategy: {strategy}}}\njobs:\n");
        for (var i = 0; i < shapes.Count; i++)
        {
            config.Append(CultureInfo.InvariantCulture, $"  job_{i}:\n    source_files: [src/**]\n");
            if (shapes[i].Length > 0)
            {
                config.Append(CultureInfo.InvariantCulture, $"    {shapes[i]}\n");
            }

            config.Append("    steps: [{run: make test}]\n");
        }

        return config.ToString();
    }
}
