using System.Security.Cryptography;
using System.Text;
using CIGen.Core.Files;
using CIGen.Core.Hashing;
using CIGen.Core.Tests.Files;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Core.Tests.Hashing;

/// <summary>Each rule of docs/config.md "Job hash (skip key)", checked in C# and with the generated bash.</summary>
public class JobHashTests
{
    private static readonly string[] Definition = [".cigen/config.yml", ".cigen/workflows/ci/jobs/test.yml"];

    [Fact]
    public void No_input_files_is_the_sha256_of_nothing()
    {
        using var tree = new DigestTree(("src/a.cs", "a"));
        var job = Job(["*.none"], []);

        var hash = JobHash.Compute(tree.Root, job);

        hash.Value.Should().Be(TreeDigest.Empty).And.Be(Convert.ToHexStringLower(SHA256.HashData([])));
        hash.Files.Should().BeEmpty();
        Script(tree, job).Should().Be(TreeDigest.Empty);
    }

    [Fact]
    public void Definition_files_are_always_inputs_even_when_excluded_and_without_source_files()
    {
        using var tree = Project(("src/a.cs", "a"), ("README.md", "r"));

        JobHash.InputFiles(tree.Root, Job(["src/**", "!.cigen/**"], Definition)).Should().Equal([.. Definition, "src/a.cs"]);
        JobHash.InputFiles(tree.Root, Job([], Definition)).Should().Equal(Definition);
    }

    [Fact]
    public void A_definition_file_also_selected_by_a_glob_is_listed_once()
    {
        using var tree = Project();
        var job = Job(["**/*.yml"], Definition);

        JobHash.InputFiles(tree.Root, job).Should().Equal(Definition);
        JobHash.Compute(tree.Root, job).Value.Should().Be(TreeDigest.Compute(tree.Root, Definition)).And.Be(Script(tree, job));
    }

    [Fact]
    public void Editing_a_source_file_or_the_definition_changes_the_hash_and_other_files_do_not()
    {
        using var tree = Project(("src/a.cs", "a"), ("docs/x.md", "x"));
        var job = Job(["src/**"], Definition);
        var before = JobHash.Compute(tree.Root, job).Value;

        tree.Write("docs/x.md", "changed");
        JobHash.Compute(tree.Root, job).Value.Should().Be(before);
        tree.Write("src/a.cs", "changed");
        var afterSource = JobHash.Compute(tree.Root, job).Value;
        afterSource.Should().NotBe(before);
        tree.Write(Definition[1], "steps: [{run: changed}]\n");
        JobHash.Compute(tree.Root, job).Value.Should().NotBe(afterSource).And.Be(Script(tree, job));
    }

    [Fact]
    public void Git_directory_is_never_an_input()
    {
        using var tree = Project((".git/HEAD", "ref"), (".git/objects/x", "o"), ("a", "a"));
        var job = Job(["**"], Definition);

        JobHash.InputFiles(tree.Root, job).Should().NotContain(f => f.StartsWith(".git/", StringComparison.Ordinal)).And.Contain("a");
        JobHash.Compute(tree.Root, job).Value.Should().Be(Script(tree, job));
    }

    [Fact]
    public void Symbolic_links_are_not_followed_by_globs_but_a_definition_file_is_read_through_one()
    {
        // As `find -type f` (globs) and `[[ -f path ]]` (definition files): the config cigen read is always an input.
        using var tree = Project(("real/a.cs", "a"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "link.cs"), "real/a.cs");
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "linked"), "real");
        var job = Job(["**/*.cs"], ["link.cs"]);

        JobHash.InputFiles(tree.Root, job).Should().Equal("link.cs", "real/a.cs");
        JobHash.InputFiles(tree.Root, Job(["**/*.cs"], [])).Should().Equal("real/a.cs");
        JobHash.Compute(tree.Root, job).Value.Should().Be(Script(tree, job));
    }

    [Fact]
    public void A_missing_definition_file_fails_the_runtime_and_csharp_instead_of_hashing_what_is_there()
    {
        using var tree = Project(("src/a.cs", "a"));
        var job = Job(["src/**"], [.. Definition, ".cigen/commands/gone.yml"]);

        var run = Runtime(job, tree.Root);

        run.ExitCode.Should().Be(1);
        run.StandardOutput.Should().BeEmpty();
        run.StandardError.Should().Contain(".cigen/commands/gone.yml is missing in " + tree.Root);
        FluentActions.Invoking(() => JobHash.Compute(tree.Root, job)).Should().Throw<FileNotFoundException>()
            .Which.Message.Should().StartWith(".cigen/commands/gone.yml of job `test` is missing under " + tree.Root);
        FluentActions.Invoking(() => JobHash.InputFiles(tree.Root, job)).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Run_in_an_empty_directory_or_a_subdirectory_the_runtime_fails_and_prints_no_hash()
    {
        // Before the checkout, or from the wrong directory: globs match nothing there, which used to give the empty hash.
        using var tree = Project(("src/a.cs", "a"));
        using var empty = new DigestTree();
        var job = Job(["src/**"], Definition);

        foreach (var directory in (string[])[empty.Root, Path.Combine(tree.Root, "src")])
        {
            var run = Runtime(job, directory);
            run.ExitCode.Should().Be(1, run.StandardOutput);
            run.StandardOutput.Should().BeEmpty();
            run.StandardError.Should().Contain("cigen: error: .cigen/config.yml is missing in " + directory);
        }
    }

    [Fact]
    public void A_definition_file_that_is_a_directory_counts_as_missing()
    {
        using var tree = Project();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".cigen/config"));
        var job = Job([], [.. Definition, ".cigen/config"]);

        Runtime(job, tree.Root).ExitCode.Should().Be(1);
        FluentActions.Invoking(() => JobHash.Compute(tree.Root, job)).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Explain_files_carry_content_hashes_and_their_listing_hashes_to_the_job_hash()
    {
        using var tree = Project(("src/b\\s.cs", ""), ("src/a.cs", "a"));
        var hash = JobHash.Compute(tree.Root, Job(["src/*.cs"], Definition));

        hash.Files.Select(f => f.Path).Should().Equal([.. Definition, "src/a.cs", "src/b\\s.cs"]);
        hash.Files[2].ContentHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData("a"u8)));
        hash.Files[3].SumLine.Should().Be($"\\{TreeDigest.Empty}  src/b\\\\s.cs\n");
        var listing = Encoding.UTF8.GetBytes(string.Concat(hash.Files.Select(f => f.SumLine)));
        hash.Value.Should().Be(Convert.ToHexStringLower(SHA256.HashData(listing)));
    }

    [Fact]
    public void The_runtime_is_shellcheck_clean_and_prints_only_the_hash_and_the_lookup_flag()
    {
        using var tree = Project(("it's $(x).cs", "q"));
        var job = Job(["*.cs", "!{a,b}.cs", "src/**"], [.. Definition, "it's $(x).cs"]);

        var check = ShellRun.Run("shellcheck", ["--norc", "-s", "bash", "-f", "gcc", RuntimeRun.File], tree.Root);
        check.ExitCode.Should().Be(0, check.Text + check.StandardError);
        var run = Runtime(job, tree.Root);
        run.ExitCode.Should().Be(0, run.StandardError);
        run.StandardOutput.Should().Be($"job_hash={JobHash.Compute(tree.Root, job).Value}\njob_lookup=true\n");
    }

    /// <summary>The runtime's <c>hash</c> for the job, with the inputs the core sends.</summary>
    internal static RuntimeRun.Result Runtime(Job job, string directory) => RuntimeRun.Run(
        CigenRuntime.Hash,
        new RuntimeSpec().Job("job", new JobSkipping { Inputs = JobHash.InputsOf(job), Backend = new SkipBackend { Name = "native", Type = "native" } }).ToString(),
        directory);

    internal static Job Job(IReadOnlyList<string> sourceFiles, IReadOnlyList<string> definitionFiles)
    {
        var job = G.Job("test");
        job.SourceFiles = sourceFiles;
        job.DefinitionFiles = definitionFiles;
        return job;
    }

    /// <summary>A tree with the job's two definition files and the given files.</summary>
    private static DigestTree Project(params (string Path, string Content)[] files) =>
        new([(Definition[0], "jobs: {}\n"), (Definition[1], "steps: [{run: x}]\n"), .. files]);

    private static string Script(DigestTree tree, Job job)
    {
        var run = Runtime(job, tree.Root);
        run.ExitCode.Should().Be(0, run.StandardError);
        return run.Outputs["job_hash"];
    }
}
