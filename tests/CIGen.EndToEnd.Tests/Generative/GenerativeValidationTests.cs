using System.Diagnostics;
using System.Text;
using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Core.Graphs;
using CIGen.Core.Output;
using CIGen.Core.Providers;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Generative;
using CIGen.Testing.Validation;
using Xunit.Abstractions;

namespace CIGen.EndToEnd.Tests.Generative;

/// <summary>
/// Issue 11, item 6: random valid configs (<see cref="ConfigGenerator"/>, a fixed seed list) go through the real core
/// (loader and binder, per-provider graph filter, output assembler — what <c>cigen generate</c> runs) and the real
/// provider processes, and every validator must accept what comes out: actionlint, GitHub's workflow parser and
/// shellcheck for GitHub; CircleCI's schema, the semantic checks and shellcheck for CircleCI. The providers serve every
/// config over one connection each, and each validator runs once over all files, to keep the test fast.
/// <para>
/// Reproduce a failure with <c>CIGEN_GEN_SEED=&lt;seed&gt;</c>; explore other seeds with <c>CIGEN_GEN_COUNT</c> and
/// <c>CIGEN_GEN_FIRST</c> (see <see cref="GenerativeSeeds"/>).
/// </para>
/// </summary>
public sealed class GenerativeValidationTests(ITestOutputHelper output)
{
    private const int DefaultSeedCount = 200;

    /// <summary>Failures printed in full (config, findings, generated files); the rest are listed by seed.</summary>
    private const int FailuresShown = 3;

    private static readonly ProviderHostOptions HostOptions = new();

    /// <summary>Printed with how many configs have each, to see what the seeds cover.</summary>
    private static readonly string[] Features =
    [
        "requires", "needs:", "requires_any:", "type: 'approval'", "architectures:", "matrix:", "exclude:", "include:", "services:",
        "packages:", "cache:", "cache_definitions:", "source_files:", "skip_cache:", "runner:", "runs_on:", "resource_class:",
        "if:", "startsWith(tag", "startsWith(matrix", "matrix.", "only:", "commands:", "checkout: false", "restore_cache:",
        "skip_strategy: 'early_exit'", "dynamic: true", "pull_request:", "paths", "schedule:",
    ];

    [Fact]
    public async Task Random_valid_configs_generate_for_both_providers_and_every_validator_accepts_the_output()
    {
        var seeds = GenerativeSeeds.FromEnvironment(DefaultSeedCount);
        var clock = Stopwatch.StartNew();
        using var root = new TempDirectory();
        var failures = new SortedDictionary<int, Failure>();
        var outputs = new List<(int Seed, GeneratedFile File)>();
        var log = new StringWriter();
        var locator = ProviderLocator.ForCurrentProcess([]);
        await using var github = await ProviderConnection.StartAsync(locator.Find("github", root.Path), HostOptions, log, default);
        await using var circleci = await ProviderConnection.StartAsync(locator.Find("circleci", root.Path), HostOptions, log, default);
        ProviderConnection[] providers = [github, circleci];

        foreach (var seed in seeds)
        {
            var config = ConfigGenerator.Generate(seed);
            var failure = failures[seed] = new Failure(config);
            var directory = Path.Combine(root.Path, $"seed-{seed}");
            foreach (var (path, content) in config.ProjectFiles.Append(new("cigen.yml", config.Yaml)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
                File.WriteAllText(Path.Combine(directory, path), content);
            }

            var loaded = ConfigLoader.Load(ConfigLocator.Find(directory, null)!);
            failure.Problems.AddRange(Errors(loaded.Diagnostics, directory, "core"));
            if (loaded.Graph is not { } graph)
            {
                continue;
            }

            var results = await Task.WhenAll(providers.Select(async p =>
            {
                try
                {
                    return await p.GenerateAsync(new GenerateParams(GraphFilter.ForProvider(graph, p.Executable.Name), new GenerateOptions()), default);
                }
                catch (ProviderException exception)
                {
                    // The provider refused the graph (an error answer, not a crash): the connection stays usable.
                    failure.Problems.Add($"{p.Executable.Name}: {exception.Message}");
                    return null;
                }
            }));
            if (results.Any(r => r is null))
            {
                continue;
            }

            for (var i = 0; i < providers.Length; i++)
            {
                failure.Problems.AddRange(Errors(results[i]!.Diagnostics, directory, providers[i].Executable.Name));
            }

            var assembled = OutputAssembler.Assemble(
                results.Select((r, i) => new ProviderFiles(providers[i].Executable.Name, r!.Files)), directory, graph.ConfigSource);
            failure.Problems.AddRange(assembled.Errors.Select(e => DiagnosticFormatter.Format(e, directory, directory)));
            outputs.AddRange(assembled.Files.Select(f => (seed, f with { Path = $"seed-{seed}/{f.Path}" })));
            foreach (var file in assembled.Files)
            {
                failure.Files.Add(file);
            }
        }

        var generated = clock.Elapsed;
        var githubFiles = outputs.Where(o => o.File.Provider == "github").Select(o => new OutputFile(o.File.Path, o.File.Content)).ToList();
        var circleciFiles = outputs.Where(o => o.File.Provider == "circleci").Select(o => new OutputFile(o.File.Path, o.File.Content)).ToList();
        var validations = await Task.WhenAll(
            Task.Run(() => Validators.ValidateGitHubWorkflows(githubFiles)),
            Task.Run(() => Validators.ValidateCircleCiConfigs(circleciFiles)));
        foreach (var finding in validations.SelectMany(v => v))
        {
            var seed = int.Parse(finding.Path["seed-".Length..finding.Path.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            failures[seed].Problems.Add(finding.ToString());
        }

        output.WriteLine("Configs with: " + string.Join(", ", Features.Select(f => $"{f} {failures.Values.Count(c => c.Config.Yaml.Contains(f, StringComparison.Ordinal))}")));
        output.WriteLine(
            $"{seeds.Count} configs, {githubFiles.Count} GitHub workflows, {circleciFiles.Count} CircleCI configs: " +
            $"generated in {generated.TotalSeconds:0.0} s, validated in {(clock.Elapsed - generated).TotalSeconds:0.0} s.");
        var failed = failures.Where(f => f.Value.Problems.Count > 0).ToList();
        if (failed.Count > 0)
        {
            var report = new StringBuilder();
            report.Append($"{failed.Count} of {seeds.Count} random configs failed: seeds {string.Join(",", failed.Select(f => f.Key))}\n");
            report.Append($"Reproduce one with {GenerativeSeeds.SeedVariable}=<seed>.\n");
            foreach (var (seed, failure) in failed.Take(FailuresShown))
            {
                report.Append($"\n==== seed {seed}\n").AppendJoin('\n', failure.Problems).Append("\n\n").Append(failure.Config)
                    .AppendJoin("", failure.Files.Select(f => $"--- generated {f.Path}\n{f.Content}"));
            }

            foreach (var (seed, failure) in failed.Skip(FailuresShown))
            {
                report.Append($"\n==== seed {seed}\n").AppendJoin('\n', failure.Problems).Append('\n');
            }

            throw new Xunit.Sdk.XunitException(report.ToString());
        }
    }

    private static IEnumerable<string> Errors(IEnumerable<Diagnostic> diagnostics, string directory, string by) =>
        diagnostics.Where(DiagnosticFormatter.IsError).Select(d => $"{by}: {DiagnosticFormatter.Format(d, directory, directory)}");

    private sealed record Failure(RandomConfig Config)
    {
        public List<string> Problems { get; } = [];

        public List<GeneratedFile> Files { get; } = [];
    }
}
