using System.Security.Cryptography;
using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.Skipping.Tests;

/// <summary>
/// The skip scenarios every backend must pass, run in bash against a real server: a job is skipped (lookup exit 0)
/// only when a marker with exactly its os, arch, workflow, job and hash was recorded, and never when the backend fails.
/// </summary>
public abstract class MarkerScenarios
{
    protected abstract MarkerBackend Backend { get; }

    /// <summary>The environment that points the scripts at the class's server.</summary>
    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A server of the backend's kind of the test's own, and the settings for it.</summary>
    protected abstract (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer();

    protected static string NewHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    protected static MarkerKey Key(string arch = "amd64", string workflow = "ci", string job = "build") =>
        new("linux", arch, workflow, job);

    protected MarkerRun.Result Lookup(string key, IReadOnlyDictionary<string, string>? settings = null) =>
        MarkerRun.Run(Backend, MarkerOperation.Lookup, key, settings ?? Settings);

    protected MarkerRun.Result Record(string key, IReadOnlyDictionary<string, string>? settings = null) =>
        MarkerRun.Run(Backend, MarkerOperation.Record, key, settings ?? Settings);

    protected static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string name, string value) =>
        new Dictionary<string, string>(settings) { [name] = value };

    [Fact]
    public void No_marker_means_run()
    {
        var lookup = Lookup(Key().WithHash(NewHash()));

        lookup.ExitCode.Should().Be(1, lookup.StandardError);
        lookup.StandardError.Should().BeEmpty();
        lookup.StandardOutput.Should().BeEmpty();
    }

    [Fact]
    public void A_recorded_marker_means_skip()
    {
        var key = Key().WithHash(NewHash());

        var record = Record(key);
        var lookup = Lookup(key);

        record.ExitCode.Should().Be(0, record.StandardError);
        record.StandardError.Should().BeEmpty();
        lookup.ExitCode.Should().Be(0, lookup.StandardError);
        lookup.StandardOutput.Should().BeEmpty();
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("arch")]
    [InlineData("job")]
    [InlineData("workflow")]
    public void A_marker_for_another_hash_arch_job_or_workflow_does_not_skip(string differing)
    {
        var hash = NewHash();
        Record(Key().WithHash(hash)).ExitCode.Should().Be(0);

        var other = differing switch
        {
            "hash" => Key().WithHash(NewHash()),
            "arch" => Key(arch: "arm64").WithHash(hash),
            "job" => Key(job: "build_arm64").WithHash(hash),
            _ => Key(workflow: "release").WithHash(hash),
        };
        var lookup = Lookup(other);

        lookup.ExitCode.Should().Be(1, lookup.StandardError);
    }

    [Fact]
    public void A_stopped_server_means_run_with_a_warning_never_a_skip()
    {
        var key = Key().WithHash(NewHash());
        var (server, settings) = StartOwnServer();
        using (server)
        {
            Record(key, settings).ExitCode.Should().Be(0);
            Lookup(key, settings).ExitCode.Should().Be(0);
        }

        var lookup = Lookup(key, settings);
        var record = Record(Key().WithHash(NewHash()), settings);

        lookup.ExitCode.Should().Be(2, "a server that cannot answer must not read as a marker (stderr: {0})", lookup.StandardError);
        lookup.StandardError.Should().StartWith($"cigen: warning: skip marker {key}: ").And.Contain("the job runs");
        record.ExitCode.Should().Be(2, record.StandardError);
        record.StandardError.Should().Contain("not recorded");
    }

    [Fact]
    public void An_empty_key_is_an_error_not_a_lookup()
    {
        Lookup("").ExitCode.Should().Be(2);
        Record("").ExitCode.Should().Be(2);
    }
}
