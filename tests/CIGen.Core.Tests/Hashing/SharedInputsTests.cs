using CIGen.Core.Hashing;
using CIGen.Core.Tests.Files;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Core.Tests.Hashing;

/// <summary>
/// The <c>hash</c> records of several jobs write the inputs they share once (<c>inputs SET</c> … <c>uses SET</c>):
/// when that is shorter, and with every job's JOB_HASH what it is alone.
/// </summary>
public class SharedInputsTests
{
    private static readonly string[] Definition = [".cigen/config.yml", ".cigen/workflows/ci.yml"];

    private static readonly string[] Common = ["package.json", "src/**", "!src/**/*.md", "*.lock"];

    [Fact]
    public void Inputs_several_jobs_share_are_written_once_and_each_job_hashes_as_it_does_alone()
    {
        using var tree = new DigestTree(
            (Definition[0], "jobs: {}\n"), (Definition[1], "jobs: {}\n"), (".cigen/ci/a.yml", "a"), (".cigen/ci/b.yml", "b"),
            ("package.json", "{}"), ("yarn.lock", "l"), ("src/x.ts", "x"), ("src/doc.md", "d"), ("docs/y.md", "y"), ("www/z.ts", "z"));
        var jobs = new (string Name, Job Job)[]
        {
            ("a", JobHashTests.Job([.. Common], [.. Definition, ".cigen/ci/a.yml"])),
            ("b", JobHashTests.Job(["www/**", .. Common], [.. Definition, ".cigen/ci/b.yml"])),
            ("c", JobHashTests.Job([.. Common, "docs/**"], Definition)),
            ("d", JobHashTests.Job(["www/**"], [])),
        };
        var spec = new RuntimeSpec();
        foreach (var (name, job) in jobs)
        {
            spec.Job(name, Skipping(job)).Marker($"{name}_marker", $"prefix/{name}/");
        }

        var text = spec.ToString();
        var run = RuntimeRun.Run(CigenRuntime.Hash, text, tree.Root);

        run.ExitCode.Should().Be(0, run.StandardError);
        // Six records (two definition files, four globs) in three jobs: 1 + 6 + 3 lines instead of 18.
        text.Should().StartWith("inputs set1\nrequire .cigen/config.yml\nrequire .cigen/workflows/ci.yml\ninclude ");
        text.Split('\n').Should().HaveCount(1 + 6 + 3 + 4 /* jobs */ + 4 /* markers */ + 2 /* a's and b's own files */ + 1 /* c */ + 2 /* www/** twice */ + 1);
        text.Should().Contain("job a\nuses set1\nrequire .cigen/ci/a.yml\nmarker").And.Contain("job d\ninclude 'www/.*'\nmarker");
        foreach (var (name, job) in jobs)
        {
            var alone = JobHashTests.Runtime(job, tree.Root);
            alone.ExitCode.Should().Be(0, alone.StandardError);
            run.Outputs[$"{name}_hash"].Should().Be(alone.Outputs["job_hash"]).And.Be(JobHash.Compute(tree.Root, job).Value, name);
            run.Outputs[$"{name}_marker"].Should().Be($"prefix/{name}/{alone.Outputs["job_hash"]}");
        }
    }

    [Fact]
    public void Source_file_groups_are_sets_a_group_takes_the_groups_it_names_and_each_job_hashes_as_it_does_alone()
    {
        using var tree = new DigestTree(
            (Definition[0], "jobs: {}\n"), (Definition[1], "jobs: {}\n"), ("package.json", "{}"), ("yarn.lock", "l"),
            ("src/x.ts", "x"), ("src/doc.md", "d"), ("docs/y.md", "y"), ("www/z.ts", "z"));
        var base_ = Group("base", ["package.json", "*.lock"]);
        var app = Group("app", ["src/**", "!src/**/*.md"], "base");
        var jobs = new (string Name, Job Job, InputGroup[] Groups)[]
        {
            ("a", JobHashTests.Job(["package.json", "*.lock", "src/**", "!src/**/*.md", "www/**"], Definition), [base_, app]),
            ("b", JobHashTests.Job(["package.json", "*.lock"], Definition), [base_]),
            ("c", JobHashTests.Job(["docs/**"], Definition), []),
        };
        var spec = new RuntimeSpec { SharesGroups = true };
        foreach (var (name, job, groups) in jobs)
        {
            spec.Job(name, Skipping(job, groups)).Marker($"{name}_marker", $"prefix/{name}/");
        }

        var text = spec.ToString();
        var run = RuntimeRun.Run(CigenRuntime.Hash, text, tree.Root);

        run.ExitCode.Should().Be(0, run.StandardError);
        // By name, each group after the groups it names; a job names only the groups no other of its groups names.
        text.Should().StartWith(
            "inputs @base\ninclude 'package\\.json'\ninclude '[^/]*\\.lock'\ninputs @app\nuses @base\ninclude 'src/.*'\nexclude ")
            .And.Contain("job a\nrequire .cigen/config.yml\nrequire .cigen/workflows/ci.yml\nuses @app\ninclude 'www/.*'\nmarker")
            .And.Contain("job b\nrequire .cigen/config.yml\nrequire .cigen/workflows/ci.yml\nuses @base\nmarker");
        text.Should().StartWith(RuntimeSpec.GroupSets(jobs.Select(j => Skipping(j.Job, j.Groups))));
        RuntimeSpec.InputRecords(Skipping(jobs[0].Job, jobs[0].Groups), usesGroups: true)
            .Should().Be("require .cigen/config.yml\nrequire .cigen/workflows/ci.yml\nuses @app\ninclude 'www/.*'\n");
        foreach (var (name, job, _) in jobs)
        {
            run.Outputs[$"{name}_hash"].Should().Be(JobHash.Compute(tree.Root, job).Value, name);
        }
    }

    [Fact]
    public void Without_sharing_groups_a_job_writes_every_record_of_its_groups()
    {
        var job = JobHashTests.Job(["package.json", "www/**"], [Definition[0]]);

        var text = RuntimeSpec.InputRecords(Skipping(job, [Group("base", ["package.json"])]));

        text.Should().Be("require .cigen/config.yml\ninclude 'package\\.json'\ninclude 'www/.*'\n");
    }

    [Fact]
    public void Inputs_are_not_shared_when_a_set_would_not_be_shorter()
    {
        // Two records in two jobs: 1 + 2 + 2 lines against 4.
        var a = JobHashTests.Job(["src/**"], [Definition[0]]);
        var b = JobHashTests.Job(["src/**", "www/**"], [Definition[0]]);

        var text = new RuntimeSpec().Job("a", Skipping(a)).Job("b", Skipping(b)).ToString();

        text.Should().Be("job a\nrequire .cigen/config.yml\ninclude 'src/.*'\njob b\nrequire .cigen/config.yml\ninclude 'src/.*'\ninclude 'www/.*'\n");
    }

    [Fact]
    public void A_job_that_uses_a_set_no_record_starts_fails_the_hash()
    {
        using var tree = new DigestTree(("a", "a"));

        var run = RuntimeRun.Run(CigenRuntime.Hash, "inputs one\ninclude a\njob x\nuses two\n", tree.Root);

        run.ExitCode.Should().NotBe(0);
        run.StandardError.Should().Contain("'two'");
    }

    private static JobSkipping Skipping(Job job, params InputGroup[] groups) =>
        new() { Inputs = JobHash.InputsOf(job) with { Groups = groups }, Backend = new SkipBackend { Name = "native", Type = "native" } };

    /// <summary>A source file group of <paramref name="globs"/> (its own) that names <paramref name="named"/>.</summary>
    private static InputGroup Group(string name, string[] globs, params string[] named)
    {
        var inputs = JobHash.InputsOf(JobHashTests.Job(globs, []));
        return new InputGroup { Name = name, Groups = named, Include = inputs.Include, Exclude = inputs.Exclude };
    }
}
