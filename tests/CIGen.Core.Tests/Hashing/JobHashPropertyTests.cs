using System.Text;
using CIGen.Core.Hashing;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Core.Tests.Hashing;

/// <summary>
/// On hundreds of random trees and jobs, three implementations of the job hash agree: <see cref="JobHash"/>, the
/// runtime's <c>hash</c> run in bash with the records the core sends, and the spec read literally — <c>find</c> for the regular
/// files, <see cref="ReferenceGlob"/> to select, <c>[ -f ]</c> for definition files, then
/// <c>LC_ALL=C sort -z | xargs -0 -r sha256sum -- | sha256sum</c>.
/// </summary>
public sealed class JobHashPropertyTests : IDisposable
{
    private const int Trees = 240;
    private const int Seed = 6_2026;

    private static readonly string[] Names =
    [
        "a", "b", "ab", "src", "lib", "Z", "-dash", ".hidden", ".env", "with space", "a.b.c", "é", "日本語", "emoji😀",
        "back\\slash", "new\nline", "cr\rreturn", "br[ack]et", "{brace,s}", "it's", "$dollar", "x.cs", "y.txt",
    ];

    private static readonly string[] Extensions = ["", ".cs", ".txt", ".yml", ".lock"];

    private readonly string _base = Directory.CreateTempSubdirectory("cigen-jobhash-").FullName;

    [Fact]
    public void Csharp_generated_bash_and_the_literal_spec_agree_on_random_trees()
    {
        var random = new Random(Seed);
        Directory.CreateDirectory(Path.Combine(_base, "found"));
        Directory.CreateDirectory(Path.Combine(_base, "existing"));
        var cases = Enumerable.Range(0, Trees).Select(i => Generate(random, i)).ToList();

        var script = RunEach(cases, ". ../../scripts/$i.sh");
        var found = RunEach(cases, "find . -path ./.git -prune -o -type f -printf '%P\\0' >../../found/$i; " +
                                   "while IFS= read -r -d '' f; do if [ -f \"$f\" ]; then printf '%s\\0' \"$f\"; fi; done <../../defs/$i >../../existing/$i");
        found.Should().AllBe("");
        foreach (var c in cases)
        {
            File.WriteAllBytes(Combine("lists", c.Index), c.Missing ? [] : Nul(ReferenceInputs(c)));
        }

        var spec = RunEach(cases, "LC_ALL=C sort -z <../../lists/$i | xargs -0 -r sha256sum -- | sha256sum | cut -d' ' -f1");

        foreach (var c in cases)
        {
            if (c.Missing)
            {
                // A missing definition file means the wrong directory: both refuse rather than hash what is there.
                script[c.Index].Should().Be("FAILED", $"tree {c.Index} lacks a definition file");
                FluentActions.Invoking(() => JobHash.Compute(c.Root, c.Job)).Should().Throw<FileNotFoundException>();
                continue;
            }

            var csharp = JobHash.Compute(c.Root, c.Job);
            var because = $"tree {c.Index} (seed {Seed}): globs [{string.Join(" | ", c.Job.SourceFiles)}], definition files " +
                          $"[{string.Join(" | ", c.Job.DefinitionFiles)}], files [{string.Join(" | ", c.Files)}]";
            csharp.Files.Select(f => f.Path).Should().BeEquivalentTo(ReferenceInputs(c), because);
            script[c.Index].Should().Be(csharp.Value, because);
            spec[c.Index].Should().Be(csharp.Value, because);
        }

        // The trees exercise what they claim to: excludes that bite, definition files they would exclude, unicode, empties.
        cases.Count(c => !c.Missing).Should().BeGreaterThanOrEqualTo(200);
        cases.Count(c => c.Missing).Should().BeGreaterThan(5);
        cases = [.. cases.Where(c => !c.Missing)];
        cases.Count(c => c.Job.SourceFiles.Any(g => g.StartsWith('!'))).Should().BeGreaterThan(Trees / 4);
        cases.Select(c => JobHash.InputFiles(c.Root, c.Job).Count).Should().Contain(0).And.Contain(n => n > 8);
        cases.Count(c => c.Job.DefinitionFiles.Any(d => !ReferenceGlob.Selects(c.Job.SourceFiles, d) && File.Exists(Path.Combine(c.Root, d))))
            .Should().BeGreaterThan(Trees / 4);
        cases.SelectMany(c => JobHash.InputFiles(c.Root, c.Job)).Should().Contain(p => p.Contains('\n')).And.Contain(p => p.Contains('\\'))
            .And.Contain(p => p.Contains('\r')).And.Contain(p => p.Contains('é')).And.Contain(p => p.StartsWith('.'));
    }

    private sealed record Case(int Index, string Root, Job Job, IReadOnlyList<string> Files, bool Missing);

    private Case Generate(Random random, int index)
    {
        var root = Combine("trees", index);
        Directory.CreateDirectory(root);
        var files = new List<string>();
        var count = random.Next(0, 16);
        for (var i = 0; i < count; i++)
        {
            var depth = random.Next(1, 4);
            var path = string.Join('/', Enumerable.Range(0, depth).Select(_ => Pick(random, Names))) + Pick(random, Extensions);
            if (files.Any(f => f.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(f + "/", StringComparison.Ordinal)) || files.Contains(path))
            {
                continue;
            }

            files.Add(path);
        }

        files.AddRange([".cigen/config.yml", $".cigen/workflows/ci/jobs/{Pick(random, ["test", "build"])}.yml"]);
        if (random.Next(3) == 0)
        {
            files.Add(".git/HEAD");
        }

        foreach (var file in files)
        {
            var full = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, random.Next(5) == 0 ? "" : $"content {random.Next(4)}\n");
        }

        if (random.Next(4) == 0 && files.Count > 2)
        {
            File.CreateSymbolicLink(Path.Combine(root, "link" + index), files[0]);
        }

        var globs = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Glob(random, files)).ToList();
        if (random.Next(2) == 0)
        {
            globs.Add("!" + Pick(random, [".cigen/**", "**/*.yml", "*", "**/" + Literal(Pick(random, Names.Where(Plain).ToArray()))]));
        }

        // Some jobs have no definition files, so that a job can have no inputs at all.
        var definition = random.Next(8) == 0 ? [] : files.Where(f => f.StartsWith(".cigen/", StringComparison.Ordinal)).ToList();
        var missing = random.Next(12) == 0;
        if (missing)
        {
            definition.Add(".cigen/commands/missing.yml");
        }

        if (random.Next(4) == 0 && File.Exists(Path.Combine(root, "link" + index)))
        {
            definition.Add("link" + index);
        }

        var job = JobHashTests.Job(globs, definition);
        // The runtime's hash as a CI step runs it; its one line `job_hash=HEX` becomes the hash, a failure FAILED.
        var spec = new RuntimeSpec().Job("job", new JobSkipping { Inputs = JobHash.InputsOf(job), Backend = new SkipBackend { Name = "native", Type = "native" } });
        File.WriteAllText(Combine("scripts", index) + ".sh",
            $"out=$(CIGEN_SPEC={ShellWords.Quote(spec.ToString())} bash {ShellWords.Quote(RuntimeRun.File)} hash) || exit 1\nprintf '%s\\n' \"${{out%%$'\\n'*}}\" | sed 's/^job_hash=//'\n");
        File.WriteAllBytes(Combine("defs", index), Nul(definition));
        return new Case(index, root, job, files, missing);
    }

    private static string Glob(Random random, List<string> files)
    {
        var file = Pick(random, files.ToArray()).Split('/');
        var name = file[^1];
        var glob = random.Next(10) switch
        {
            0 => "**",
            1 => "*",
            2 => "**/*" + Pick(random, Extensions[1..]),
            3 => Plain(file[0]) ? Literal(file[0]) + "/**" : "*/**",
            4 => "**/" + (Plain(name) ? Literal(name) : "*"),
            5 => string.Join('/', file.Select(s => Plain(s) ? Literal(s) : "*")),
            6 => "**/" + string.Concat(name.Select(c => c is '\n' or '\r' || (c < 0x80 && random.Next(3) == 0) ? "?" : Literal(c.ToString()))),
            7 => "{" + string.Join(',', Pick(random, Names.Where(Plain).ToArray()), Literal(name.Contains('\n') || name.Contains('\r') ? "x" : name)) + "}" +
                 (random.Next(2) == 0 ? "" : "{,.cs,.txt}"),
            8 => "**/" + Pick(random, ["[ab]", "[!a]", "[a-z]", "[^.]", "[.-]"]) + "*",
            _ => "*/" + Pick(random, ["*", "?", "*.*", "**/*"]),
        };
        return random.Next(5) == 0 ? "!" + glob : glob;
    }

    /// <summary>A name a glob can spell literally: grep reads a newline in a pattern as two patterns.</summary>
    private static bool Plain(string name) => !name.Contains('\n') && !name.Contains('\r');

    private static string Literal(string name) =>
        string.Concat(name.Select(c => @"*?[]{}\,!".Contains(c) ? "\\" + c : c.ToString()));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>The third implementation's input list: find's files the reference globs select, and the existing definition files.</summary>
    private List<string> ReferenceInputs(Case c)
    {
        var found = Split(File.ReadAllBytes(Combine("found", c.Index))).Where(p => ReferenceGlob.Selects(c.Job.SourceFiles, p));
        return [.. found.Union(Split(File.ReadAllBytes(Combine("existing", c.Index))), StringComparer.Ordinal)];
    }

    /// <summary>Runs a bash command in each tree (<c>$i</c> is its index), all in one bash; each tree's stdout, trimmed.</summary>
    private List<string> RunEach(List<Case> cases, string command)
    {
        var results = new List<string>();
        foreach (var batch in cases.Chunk(60))
        {
            var loop = $"for i in {string.Join(' ', batch.Select(c => c.Index))}; do out=$(cd trees/$i && {{ {command}; }}) || out=FAILED; printf '%s\\0' \"$out\"; done";
            var run = ShellRun.Run("bash", ["-c", loop], _base);
            run.ExitCode.Should().Be(0, run.StandardError);
            results.AddRange(Split(run.StandardOutput, keepEmpty: true));
        }

        results.Should().HaveCount(cases.Count);
        return results;
    }

    private static byte[] Nul(IEnumerable<string> items) => Encoding.UTF8.GetBytes(string.Concat(items.Select(i => i + "\0")));

    private static IEnumerable<string> Split(byte[] bytes, bool keepEmpty = false)
    {
        var parts = Encoding.UTF8.GetString(bytes).Split('\0');
        return keepEmpty ? parts[..^1] : parts.Where(p => p.Length > 0);
    }

    private string Combine(string folder, int index)
    {
        Directory.CreateDirectory(Path.Combine(_base, folder));
        return Path.Combine(_base, folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
