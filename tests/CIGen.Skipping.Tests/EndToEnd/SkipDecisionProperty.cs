using System.Globalization;
using System.Text;
using CIGen.Core.Hashing;
using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;
using Xunit.Abstractions;

namespace CIGen.Skipping.Tests.EndToEnd;

/// <summary>
/// Random sequences of edits and CI runs (seeded, so a failure replays), each step decided by cigen's runtime in bash against
/// a real server and checked against an oracle in C#: the job may be skipped only when a run with exactly these inputs
/// (the same <see cref="JobHash"/>) on the same arch succeeded before, and must be skipped then (the server is up).
/// </summary>
/// <remarks>
/// Each step's tree is written to a checkout of its own (the hash reads relative paths and contents only, so this is
/// the same as editing one checkout), which lets one bash process run a whole sequence. Contents come from small pools
/// so that trees recur without an explicit revert too.
/// </remarks>
public abstract class SkipDecisionProperty(ITestOutputHelper output)
{
    private const int BaseSeed = 6_000;
    private const int Steps = 5;
    private static readonly string[] Arches = ["amd64", "arm64"];

    protected abstract MarkerBackend Backend { get; }

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>How many sequences; each one is seeded <c>BaseSeed + its number</c>.</summary>
    protected abstract int Sequences { get; }

    [Fact]
    public void Random_edit_and_run_sequences_skip_exactly_when_the_same_inputs_succeeded_before()
    {
        var salt = Guid.NewGuid().ToString("N");
        var failures = new List<string>();
        var (runs, skips, failedRuns, crossArch) = (0, 0, 0, 0);
        var prepare = new System.Diagnostics.Stopwatch();
        var bashTime = new System.Diagnostics.Stopwatch();
        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            var seed = BaseSeed + sequence;
            prepare.Start();
            var steps = Generate(seed, $"{salt}-{seed}");
            var repositories = steps.Select(s => new SimulatedRepository(s.Files)).ToList();
            try
            {
                var planned = new List<(Step Step, string Hash, CiRun Run)>();
                for (var i = 0; i < steps.Count; i++)
                {
                    var job = repositories[i].LoadJob();
                    planned.Add((steps[i], repositories[i].Hash(job),
                        new CiRun(repositories[i].Root, SimulatedRepository.HashSpec(job, steps[i].Arch), steps[i].Succeeds)));
                }

                prepare.Stop();
                bashTime.Start();
                var (results, errors) = CiRunner.Run(Backend, Settings, [.. planned.Select(p => p.Run)]);

                bashTime.Stop();
                var succeeded = new HashSet<(string Arch, string Hash)>();
                var log = new StringBuilder();
                var wrong = false;
                for (var i = 0; i < planned.Count; i++)
                {
                    var (step, hash, _) = planned[i];
                    var result = results[i];
                    var expectSkip = succeeded.Contains((step.Arch, hash));
                    var problem = result.JobHash != hash ? $"the runtime's JOB_HASH {result.JobHash} is not the core's"
                        : result.Skipped && !expectSkip ? "FALSE SKIP: no success with these inputs on this arch before"
                        : !result.Skipped && expectSkip ? "NEEDLESS RUN: these inputs succeeded on this arch before"
                        : result.LookupStatus == 2 || result.RecordStatus is > 0 ? "the backend failed while up"
                        : null;
                    wrong |= problem is not null;
                    log.Append(CultureInfo.InvariantCulture, $"  step {i}: {step.Edit}; {step.Arch}, job {(step.Succeeds ? "succeeds" : "fails")}; hash {hash[..12]}; ")
                        .Append(CultureInfo.InvariantCulture, $"expected {(expectSkip ? "skip" : "run")}, got {(result.Skipped ? "skip" : "run")} (lookup {result.LookupStatus}, record {result.RecordStatus?.ToString(CultureInfo.InvariantCulture) ?? "-"})")
                        .Append(problem is null ? "" : "  <-- " + problem).Append('\n');
                    if (result.Ran && step.Succeeds && result.RecordStatus == 0)
                    {
                        succeeded.Add((step.Arch, hash));
                    }

                    runs += result.Ran ? 1 : 0;
                    skips += result.Skipped ? 1 : 0;
                    failedRuns += result.Ran && !step.Succeeds ? 1 : 0;
                    crossArch += !result.Skipped && succeeded.Contains((Other(step.Arch), hash)) ? 1 : 0;
                }

                if (wrong)
                {
                    failures.Add($"sequence {sequence} (seed {seed}):\n{log}{errors}");
                }
            }
            finally
            {
                repositories.ForEach(r => r.Dispose());
            }
        }

        output.WriteLine($"{Backend}: {Sequences} sequences x {Steps} steps: {runs} runs ({failedRuns} failed), {skips} skips, {crossArch} runs with the other arch's marker present; prepare {prepare.Elapsed}, bash {bashTime.Elapsed}");
        failures.Should().BeEmpty($"every skip decision must match the oracle; {failures.Count} of {Sequences} sequences did not:\n{string.Join("\n", failures)}");
        skips.Should().BeGreaterThan(Sequences / 2, "the sequences must exercise skipping, not only runs");
        crossArch.Should().BeGreaterThan(0, "the sequences must exercise a marker of the other arch");
    }

    private static string Other(string arch) => arch == "amd64" ? "arm64" : "amd64";

    private sealed record Step(string Edit, string Arch, bool Succeeds, SortedDictionary<string, string> Files);

    private static List<Step> Generate(int seed, string salt)
    {
        var random = new Random(seed);
        var files = SimulatedRepository.InitialFiles(salt);
        var steps = new List<Step>();
        for (var i = 0; i < Steps; i++)
        {
            var edit = (random.Next(10), steps.Count) switch
            {
                (0 or 1 or 2, _) => SourceEdit(random, files),
                (3 or 4, _) => NonSourceEdit(random, files),
                (5, _) => ConfigEdit(random, files),
                (6 or 7, > 0) => Revert(random, steps, ref files),
                _ => "no edit",
            };
            steps.Add(new Step(edit, Arches[random.Next(2)], random.Next(10) < 6, new SortedDictionary<string, string>(files, StringComparer.Ordinal)));
        }

        return steps;
    }

    private static string Version(Random random) => $"v{random.Next(3)}\n";

    private static string SourceEdit(Random random, SortedDictionary<string, string> files)
    {
        var sources = files.Keys.Where(IsSource).ToList();
        string[] newPaths = ["src/b.c", "src/new/a.c", "lib.csproj", "src/lib/.hidden.c"];
        var kind = sources.Count == 0 ? 1 : random.Next(4);
        var path = kind == 1 ? newPaths[random.Next(newPaths.Length)] : sources[random.Next(sources.Count)];
        switch (kind)
        {
            case 0 or 1:
                var content = Version(random);
                files[path] = content;
                return $"source write {path} = {content.TrimEnd()}";
            case 2:
                files.Remove(path);
                return $"source delete {path}";
            default:
                var target = newPaths[random.Next(newPaths.Length)];
                if (files.ContainsKey(target))
                {
                    return $"source rename {path} -> {target} (target exists: no edit)";
                }

                files[target] = files[path];
                files.Remove(path);
                return $"source rename {path} -> {target}";
        }
    }

    private static string NonSourceEdit(Random random, SortedDictionary<string, string> files)
    {
        string[] paths = ["README.md", "docs/guide.txt", "docs/new.txt", "src/lib/NOTES.md", "src/CHANGES.md", "app.csproj.bak", SimulatedRepository.UnusedCommandFile];
        var path = paths[random.Next(paths.Length)];
        var content = path == SimulatedRepository.UnusedCommandFile ? $"steps:\n  - run: make publish V={random.Next(3)}\n" : Version(random);
        files[path] = content;
        return $"non-source write {path} = {content.Trim().Replace("\n", "\\n", StringComparison.Ordinal)}";
    }

    private static string ConfigEdit(Random random, SortedDictionary<string, string> files)
    {
        var level = random.Next(3);
        switch (random.Next(3))
        {
            case 0:
                files[SimulatedRepository.JobFile] = SimulatedRepository.InitialFiles("")[SimulatedRepository.JobFile]
                    .Replace("run: make test", $"run: make test V={level}", StringComparison.Ordinal);
                return $"config: job file runs `make test V={level}`";
            case 1:
                files[SimulatedRepository.UsedCommandFile] = $"steps:\n  - run: make build OPT={level}\n";
                return $"config: used command runs `make build OPT={level}`";
            default:
                files[SimulatedRepository.ConfigFile] = $"providers: [github-actions]\nenvironment:\n  LEVEL: '{level}'\n";
                return $"config: config.yml sets LEVEL={level}";
        }
    }

    private static string Revert(Random random, List<Step> steps, ref SortedDictionary<string, string> files)
    {
        var to = random.Next(steps.Count);
        files = new SortedDictionary<string, string>(steps[to].Files, StringComparer.Ordinal);
        return $"revert to the tree of step {to}";
    }

    private static bool IsSource(string path) =>
        path != "src/salt.txt" && ((path.StartsWith("src/", StringComparison.Ordinal) && !path.EndsWith(".md", StringComparison.Ordinal))
                                   || (!path.Contains('/', StringComparison.Ordinal) && path.EndsWith(".csproj", StringComparison.Ordinal)));
}
