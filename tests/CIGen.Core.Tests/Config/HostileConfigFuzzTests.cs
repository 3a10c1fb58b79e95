using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CIGen.Core.Generation;
using CIGen.Testing.Fuzzing;

namespace CIGen.Core.Tests.Config;

/// <summary>
/// Hostile configs (issue 12): ten thousand (CIGEN_FUZZ_CASES for another number) seeded mutations of the repository's real valid configs (the examples and
/// the real-project fixtures), each loaded through <see cref="ConfigStage.Load"/>, the in-process path <c>cigen
/// generate</c> and <c>cigen validate</c> take up to (not including) spawning providers. Byte flips, truncation, deleted,
/// duplicated and retyped keys, 10,000-deep nesting, multi-megabyte scalars, billion-laughs alias bombs, invalid UTF-8,
/// CRLF, BOMs, tabs and NUL bytes must never make the loader throw, hang or write a file: a mutated config is either
/// accepted (a mutation can leave it valid) or rejected with exit code 2 and every error naming <c>file:line:column</c>
/// of a file of the config, so a user can always click through to what is wrong.
/// </summary>
/// <remarks>
/// Reproducible: the default seed is fixed and <c>CIGEN_FUZZ_SEED</c> overrides it; case <c>n</c> depends on the seed
/// and <c>n</c> only (never on which worker ran it), and a failure prints the seed, the case, the mutation and the input.
/// Each worker keeps its own copy of every seed config and restores the mutated file after each case, which is what a
/// fresh copy per case would give without copying the trees ten thousand times.
/// </remarks>
public class HostileConfigFuzzTests
{
    private const int DefaultSeed = 12_05;
    /// <summary>
    /// 10,000 by default, what issue 12 asks for: a load of a real config costs 3–25 ms in a Debug build, so they take
    /// about 45 s on a two-core machine; <c>CIGEN_FUZZ_CASES</c> runs another number.
    /// </summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CIGEN_FUZZ_CASES"), out var cases) ? cases : 10_000;
    private static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(4);

    private static readonly Regex DiagnosticLine = new(
        @"^(?:(?<file>[^:\r\n]+):(?<line>-?\d+)(?::(?<column>-?\d+))?: )?(?<severity>error|warning|info) (?<code>[A-Za-z0-9_.-]+): ",
        RegexOptions.CultureInvariant);

    [Fact]
    public async Task Mutated_valid_configs_are_accepted_or_rejected_with_located_errors_and_nothing_written()
    {
        var seed = FuzzSeeds.Seed(DefaultSeed);
        int? only = int.TryParse(Environment.GetEnvironmentVariable(CaseVariable), out var single) ? single : null;
        var seeds = FuzzSeeds.All;
        var originals = seeds.Select(s => s.ConfigFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(s.Directory, f)))).ToList();
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var root = Path.Combine(Path.GetTempPath(), "cigen-tests", "fuzz-" + Guid.NewGuid().ToString("N"));
        var failures = new ConcurrentQueue<string>();
        var running = new string?[workers];
        var done = 0;
        var accepted = 0;
        var slowest = (Case: -1, Time: TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        try
        {
            var tasks = Enumerable.Range(0, workers).Select(worker => Task.Factory.StartNew(() =>
            {
                var copies = seeds.Select((s, i) =>
                {
                    var copy = Path.Combine(root, $"{worker}", $"{i}");
                    s.CopyTo(copy);
                    return (Directory: copy, Files: Listing(copy));
                }).ToList();
                for (var number = worker; number < Cases; number += workers)
                {
                    if (only is not null && number != only)
                    {
                        continue;
                    }

                    var random = new Random(unchecked((seed * 1_000_003) + number));
                    var which = random.Next(seeds.Count);
                    var config = seeds[which];
                    var file = config.ConfigFiles[random.Next(config.ConfigFiles.Count)];
                    var mutation = ConfigMutator.Mutate(random, originals[which][file]);
                    running[worker] = Describe(seed, number, config, file, mutation);
                    var path = Path.Combine(copies[which].Directory, file);
                    File.WriteAllBytes(path, mutation.Bytes);
                    var watch = Stopwatch.StartNew();
                    var problem = Check(copies[which].Directory, copies[which].Files, config);
                    watch.Stop();
                    File.WriteAllBytes(path, originals[which][file]);
                    if (watch.Elapsed > SlowCase)
                    {
                        problem = (problem is null ? "" : problem + "\n") + $"took {watch.Elapsed.TotalSeconds:0.0} s (limit {SlowCase.TotalSeconds} s)";
                    }

                    if (problem is not null)
                    {
                        failures.Enqueue($"{running[worker]}\n--- problem\n{problem}");
                    }
                    else if (problem is null && lastAccepted)
                    {
                        Interlocked.Increment(ref accepted);
                    }

                    lock (failures)
                    {
                        if (watch.Elapsed > slowest.Time)
                        {
                            slowest = (number, watch.Elapsed);
                        }
                    }

                    Interlocked.Increment(ref done);
                }

                running[worker] = null;
            }, TaskCreationOptions.LongRunning)).ToArray();

            var all = Task.WhenAll(tasks);
            if (await Task.WhenAny(all, Task.Delay(Overall)) != all)
            {
                Assert.Fail($"the fuzz run did not finish within {Overall.TotalMinutes} minutes ({done} of {Cases} cases done); still running:\n\n" +
                    string.Join("\n\n", running.Where(r => r is not null)));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A case still hanging holds a file open; the temp directory is left for the OS to clean.
            }
        }

        var report = $"{done} cases (seed {seed}, {SeedVariableNote}) in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{accepted} accepted, slowest case {slowest.Case} took {slowest.Time.TotalMilliseconds:0} ms";
        failures.Should().BeEmpty(because: $"{report}; {failures.Count} cases failed, the first ones:\n\n" +
            string.Join("\n\n=====\n\n", failures.Take(10)));
        done.Should().Be(only is null ? Cases : 1);
    }

    /// <summary>Set to a case number to run that case alone (with the same seed) when reproducing a failure.</summary>
    private const string CaseVariable = "CIGEN_FUZZ_CASE";

    private static string SeedVariableNote => $"set {FuzzSeeds.SeedVariable} to change it, {CaseVariable} to run one case";

    [ThreadStatic]
    private static bool lastAccepted;

    /// <returns>What went wrong, or null when the config was accepted or cleanly rejected.</returns>
    private static string? Check(string directory, HashSet<string> files, FuzzSeed seed)
    {
        lastAccepted = false;
        var error = new StringWriter();
        int exitCode;
        ConfigStage.Loaded? loaded;
        try
        {
            (loaded, exitCode) = ConfigStage.Load(new CommandConsole(directory, TextWriter.Null, error), configPath: null);
        }
        catch (Exception e)
        {
            return $"unhandled exception: {e}";
        }

        var problems = new List<string>();
        var written = Listing(directory);
        written.SymmetricExceptWith(files);
        if (written.Count > 0)
        {
            problems.Add($"files appeared or vanished: {string.Join(", ", written)}");
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var errors = 0;
        foreach (var line in lines)
        {
            var match = DiagnosticLine.Match(line);
            if (!match.Success)
            {
                problems.Add($"not a diagnostic line: {Cut(line)}");
                continue;
            }

            if (match.Groups["severity"].Value != "error")
            {
                continue;
            }

            errors++;
            var file = match.Groups["file"].Value;
            if (!match.Groups["column"].Success || int.Parse(match.Groups["line"].Value) < 1 || int.Parse(match.Groups["column"].Value) < 1)
            {
                problems.Add($"an error without file:line:column (line and column ≥ 1): {Cut(line)}");
            }
            else if (!seed.ConfigFiles.Contains(file))
            {
                problems.Add($"an error naming `{file}`, not a file of the config: {Cut(line)}");
            }
        }

        switch (exitCode)
        {
            case ExitCodes.Success when loaded is not null:
                if (errors > 0)
                {
                    problems.Add("accepted with errors");
                }

                lastAccepted = true;
                break;
            case ExitCodes.ConfigInvalid when loaded is null:
                if (errors == 0)
                {
                    problems.Add("rejected without an error");
                }

                break;
            default:
                problems.Add($"exit code {exitCode} (config {(loaded is null ? "not " : "")}loaded)");
                break;
        }

        return problems.Count == 0 ? null : string.Join("\n", problems.Take(5)) + "\n--- stderr\n" + Cut(error.ToString(), 3000);
    }

    private static HashSet<string> Listing(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p))];

    private static string Describe(int seed, int number, FuzzSeed config, string file, Mutation mutation) =>
        $"seed {seed}, case {number}: {config.Name}/{file}, mutation: {mutation.Description}\n--- input ({mutation.Bytes.Length} bytes)\n" +
        ConfigMutator.Show(mutation.Bytes);

    private static string Cut(string text, int max = 400) => text.Length > max ? text[..max] + $"… ({text.Length - max} more characters)" : text;
}
