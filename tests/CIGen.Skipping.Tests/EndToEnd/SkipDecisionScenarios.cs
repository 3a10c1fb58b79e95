using CIGen.Core.Hashing;
using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.Skipping.Tests.EndToEnd;

/// <summary>
/// The skip decision end to end, per backend: a simulated repository whose job the real config loader resolves, and CI
/// runs that execute cigen's runtime (hash, lookup, record) in bash against a real server (see
/// <see cref="CiRunner"/>). Each test has a repository (and so marker keys, through its salt) of its own.
/// </summary>
public abstract class SkipDecisionScenarios
{
    protected abstract MarkerBackend Backend { get; }

    /// <summary>The environment that points the scripts at the class's server.</summary>
    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A server of the backend's kind of the test's own, and the settings for it.</summary>
    protected abstract (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer();

    /// <summary><see cref="Settings"/> with the server's address changed to a 127.0.0.1 port nothing listens on.</summary>
    protected abstract IReadOnlyDictionary<string, string> WrongPort();

    [Fact]
    public void An_unchanged_tree_after_a_success_is_skipped()
    {
        using var repo = NewRepository();

        var first = Ci(repo);
        var second = Ci(repo);
        var third = Ci(repo, succeeds: false);

        first.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 1 && r.RecordStatus == 0, "nothing was recorded yet");
        second.Should().Match<CiResult>(r => r.Skipped && r.LookupStatus == 0 && r.JobHash == first.JobHash);
        third.Skipped.Should().BeTrue("a skipped job does not run, so it cannot fail");
    }

    [Fact]
    public void Every_kind_of_source_edit_runs_the_job()
    {
        using var repo = NewRepository();
        Ci(repo).Ran.Should().BeTrue();
        Ci(repo).Skipped.Should().BeTrue();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (edit, apply) in new (string, Action)[]
                 {
                     ("content change of src/main.c", () => repo.Append("src/main.c", "// edited\n")),
                     ("new file src/lib/extra.c (src/**)", () => repo.Write("src/lib/extra.c", "int extra;\n")),
                     ("new file tests.csproj (*.csproj)", () => repo.Write("tests.csproj", "<Project />\n")),
                     ("deleted src/lib/util.c", () => repo.Delete("src/lib/util.c")),
                     ("renamed src/main.c to src/start.c", () => repo.Rename("src/main.c", "src/start.c")),
                     ("same content, another glob's file renamed: app.csproj to App.csproj", () => repo.Rename("app.csproj", "App.csproj")),
                 })
        {
            apply();
            var after = Ci(repo);

            after.Ran.Should().BeTrue($"the job's inputs changed: {edit}");
            seen.Add(after.JobHash).Should().BeTrue($"{edit} must give a hash not seen before");
        }

        Ci(repo).Skipped.Should().BeTrue("the run after the last edit succeeded, so the same tree skips");
    }

    [Fact]
    public void An_edit_to_a_file_not_in_source_files_still_skips()
    {
        using var repo = NewRepository();
        var first = Ci(repo);

        foreach (var (edit, apply) in new (string, Action)[]
                 {
                     ("README.md edited", () => repo.Append("README.md", "more\n")),
                     ("new file docs/new.txt", () => repo.Write("docs/new.txt", "new\n")),
                     ("src/lib/NOTES.md edited (excluded by !src/**/*.md)", () => repo.Append("src/lib/NOTES.md", "more\n")),
                     ("new file src/CHANGES.md (excluded)", () => repo.Write("src/CHANGES.md", "x\n")),
                     ("a command the job does not use edited", () => repo.Write(SimulatedRepository.UnusedCommandFile, "steps:\n  - run: make release\n")),
                     ("new file app.csproj.bak (not *.csproj)", () => repo.Write("app.csproj.bak", "old\n")),
                 })
        {
            apply();
            var after = Ci(repo, succeeds: false);

            after.Should().Match<CiResult>(r => r.Skipped && r.JobHash == first.JobHash, $"`{edit}` is not an input of the job");
        }
    }

    [Fact]
    public void An_edit_to_the_job_definition_runs_the_job()
    {
        using var repo = NewRepository();
        Ci(repo).Ran.Should().BeTrue();

        foreach (var (edit, apply) in new (string, Action)[]
                 {
                     ("the job's file", () => repo.Write(SimulatedRepository.JobFile, File.ReadAllText(Path.Combine(repo.Root, SimulatedRepository.JobFile))
                         .Replace("run: make test", "run: make test V=1", StringComparison.Ordinal))),
                     ("a command the job uses", () => repo.Write(SimulatedRepository.UsedCommandFile, "steps:\n  - run: make build OPT=2\n")),
                     (".cigen/config.yml", () => repo.Append(SimulatedRepository.ConfigFile, "environment:\n  LANG: C.UTF-8\n")),
                 })
        {
            Ci(repo).Skipped.Should().BeTrue($"nothing changed before `{edit}`");
            apply();

            Ci(repo).Ran.Should().BeTrue($"editing {edit} changes the job");
        }
    }

    [Fact]
    public void A_failed_run_records_no_marker_so_the_next_run_runs()
    {
        using var repo = NewRepository();

        var failed = Ci(repo, succeeds: false);
        var rerun = Ci(repo, succeeds: false);
        var success = Ci(repo);
        var skipped = Ci(repo);

        failed.Should().Match<CiResult>(r => r.Ran && r.RecordStatus == null, "a failed job records nothing");
        rerun.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 1 && r.JobHash == failed.JobHash);
        success.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 1 && r.RecordStatus == 0);
        skipped.Skipped.Should().BeTrue();
    }

    [Fact]
    public void Amd64_and_arm64_are_decided_apart()
    {
        using var repo = NewRepository();

        var amd64 = Ci(repo, arch: "amd64");
        var arm64Failed = Ci(repo, arch: "arm64", succeeds: false);
        var arm64 = Ci(repo, arch: "arm64");

        amd64.Ran.Should().BeTrue();
        arm64Failed.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 1 && r.JobHash == amd64.JobHash, "a success on amd64 does not skip arm64");
        arm64.Ran.Should().BeTrue("arm64 has not succeeded yet");
        Ci(repo, arch: "amd64").Skipped.Should().BeTrue();
        Ci(repo, arch: "arm64").Skipped.Should().BeTrue();
    }

    [Fact]
    public void A_stopped_backend_runs_the_job()
    {
        using var repo = NewRepository();
        var (server, settings) = StartOwnServer();
        using (server)
        {
            Ci(repo, settings: settings).Ran.Should().BeTrue();
            Ci(repo, settings: settings).Skipped.Should().BeTrue();
        }

        var (result, errors) = CiRunner.RunOne(Backend, settings, Run(repo, "amd64", succeeds: true));

        result.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 2 && r.RecordStatus == 2, "a backend that cannot answer never skips");
        errors.Should().Contain("the job runs").And.Contain("could not record");
    }

    [Fact]
    public void A_backend_on_the_wrong_port_runs_the_job()
    {
        using var repo = NewRepository();
        Ci(repo).Ran.Should().BeTrue();
        Ci(repo).Skipped.Should().BeTrue();

        var (result, errors) = CiRunner.RunOne(Backend, WrongPort(), Run(repo, "amd64", succeeds: true));

        result.Should().Match<CiResult>(r => r.Ran && r.LookupStatus == 2 && r.RecordStatus == 2, "a marker that cannot be read is not a skip");
        errors.Should().Contain("the job runs");
        Ci(repo).Skipped.Should().BeTrue("the marker on the right server is still there");
    }

    private static SimulatedRepository NewRepository() =>
        new(SimulatedRepository.InitialFiles(Guid.NewGuid().ToString("N")));

    private static CiRun Run(SimulatedRepository repo, string arch, bool succeeds)
    {
        var job = repo.LoadJob();
        return new CiRun(repo.Root, SimulatedRepository.HashSpec(job, arch), succeeds);
    }

    /// <summary>One CI run of the job as the repository is now; the generated script's hash must be the core's.</summary>
    private CiResult Ci(SimulatedRepository repo, string arch = "amd64", bool succeeds = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (result, errors) = CiRunner.RunOne(Backend, settings ?? Settings, Run(repo, arch, succeeds));
        result.JobHash.Should().Be(repo.Hash(repo.LoadJob()), "cigen's runtime and the core agree");
        result.LookupStatus.Should().BeLessThan(2, "the backend is up (stderr: {0})", errors);
        (result.RecordStatus ?? 0).Should().Be(0, "the backend is up (stderr: {0})", errors);
        return result;
    }
}
