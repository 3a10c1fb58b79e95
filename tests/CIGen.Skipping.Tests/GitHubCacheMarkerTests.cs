using CIGen.Provider.Sdk.Runtime;
using CIGen.Skipping.Tests.Support;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

/// <summary>
/// The runtime's <c>github</c> backend: skip markers looked up in GitHub's Actions cache through the REST API, against
/// a stand-in of that API on 127.0.0.1 (<see cref="GitHubApiServer"/>), with the real curl. A marker counts only where a
/// restore in this run could read it — this run's ref, a pull request's base branch, the default branch — as with
/// actions/cache, so no other branch or pull request can make a job skip.
/// </summary>
public sealed class GitHubCacheMarkerTests(GitHubApiServer api) : IClassFixture<GitHubApiServer>
{
    private const string Prefix = "cigen-skip-v1/linux-amd64/ci/";
    private const string Marker = Prefix + "lint/0123";

    /// <summary>Looks each key up in one run (as the plan's hash step does) and prints one found=true|false line per key.</summary>
    private MarkerRun.Result Lookup(IEnumerable<string> keys, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = api.Url,
            ["GITHUB_REPOSITORY"] = "octo/repo",
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_BASE_REF"] = "release",
            [CigenRuntime.GitHubTokenVariable] = GitHubApiServer.Token,
            [CigenRuntime.GitHubKeyPrefixVariable] = Prefix,
            [CigenRuntime.GitHubDefaultBranchVariable] = "main",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var script = $"CIGEN_RUNTIME_FUNCTIONS_ONLY=1 . {ShellWords.Quote(RuntimeRun.File)}\nset -euo pipefail\nCIGEN_BACKEND=github\ncigen_scratch\n"
            + string.Concat(keys.Select(k => $"echo \"$(cigen_found {ShellWords.Quote(k)})\"\n"));
        return MarkerRun.Bash(script, environment);
    }

    private IReadOnlyList<string> Found(params string[] keys) => Lookup(keys).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_marker_of_this_run_the_base_branch_or_the_default_branch_is_found()
    {
        api.Holds([(Marker, "refs/pull/7/merge"), (Prefix + "test/1", "refs/heads/release"), (Prefix + "deploy/2", "refs/heads/main")]);

        Found(Marker, Prefix + "test/1", Prefix + "deploy/2", Prefix + "other/3").Should().Equal("true", "true", "true", "false");
    }

    [Fact]
    public void A_marker_of_another_branch_or_pull_request_is_not_found()
    {
        api.Holds([(Marker, "refs/heads/topic"), (Marker, "refs/pull/8/merge")]);

        Found(Marker).Should().Equal("false");
    }

    [Fact]
    public void The_cache_is_listed_once_per_run_per_ref_with_the_markers_prefix_and_the_token()
    {
        api.Holds([(Marker, "refs/heads/main")]);

        Found(Marker, Prefix + "x", Prefix + "y").Should().Equal("true", "false", "false");

        api.Requests.Should().HaveCount(3, "one listing per ref: this run's, the base branch, the default branch");
        api.Requests.Should().OnlyContain(r => r.StartsWith("/repos/octo/repo/actions/caches?", StringComparison.Ordinal) && Uri.UnescapeDataString(r).Contains("&key=cigen-skip-v1/linux-amd64/ci/", StringComparison.Ordinal));
        api.Requests.Select(r => Uri.UnescapeDataString(r[(r.IndexOf("&ref=", StringComparison.Ordinal) + 5)..r.IndexOf("&key=", StringComparison.Ordinal)]))
            .Should().Equal("refs/pull/7/merge", "refs/heads/release", "refs/heads/main");
    }

    [Fact]
    public void A_marker_past_the_first_page_is_found()
    {
        api.Holds([.. Enumerable.Range(0, 250).Select(i => ($"{Prefix}job{i}/h", "refs/pull/7/merge"))]);

        Found($"{Prefix}job0/h", $"{Prefix}job149/h", $"{Prefix}job249/h").Should().Equal("true", "true", "true");
        api.Requests.Count(r => Uri.UnescapeDataString(r).Contains("ref=refs/pull/7/merge", StringComparison.Ordinal)).Should().Be(3, "250 entries are three pages of 100");
    }

    [Fact]
    public void A_branch_name_with_special_characters_reaches_the_api_encoded()
    {
        api.Holds([(Marker, "refs/heads/feat&x=1 #2")]);

        var run = Lookup([Marker], new Dictionary<string, string> { ["GITHUB_REF"] = "refs/heads/feat&x=1 #2" });

        run.StandardOutput.Should().Be("true\n", run.StandardError);
    }

    [Theory]
    [InlineData("forbidden", "403")]
    [InlineData("bad token", "401")]
    [InlineData("no token", "CIGEN_GITHUB_TOKEN")]
    public void When_the_cache_cannot_be_listed_every_job_runs_with_one_warning(string failure, string reason)
    {
        api.Holds([(Marker, "refs/pull/7/merge")], forbidden: failure == "forbidden");
        var overrides = new Dictionary<string, string>();
        if (failure != "forbidden")
        {
            overrides[CigenRuntime.GitHubTokenVariable] = failure == "bad token" ? "wrong" : "";
        }

        var run = Lookup([Marker, Prefix + "x"], overrides);

        run.ExitCode.Should().Be(0, run.StandardError);
        run.StandardOutput.Should().Be("false\nfalse\n", "a marker that cannot be read never skips a job");
        run.StandardError.Should().Contain("skip markers cannot be looked up").And.Contain(reason);
        run.StandardError.Split('\n').Count(l => l.Contains("cannot be looked up", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public void A_record_writes_the_marker_file_and_names_the_key_for_actions_cache_save()
    {
        var home = Directory.CreateTempSubdirectory("cigen-home-");
        try
        {
            var script = $"CIGEN_RUNTIME_FUNCTIONS_ONLY=1 . {ShellWords.Quote(RuntimeRun.File)}\nset -euo pipefail\nCIGEN_BACKEND=github\nHOME={ShellWords.Quote(home.FullName)}\n"
                + $"CIGEN_MARKER_KEY={ShellWords.Quote(Marker)} cigen_op_record\ncat \"$HOME/.cigen-skip-marker\"\n";
            var run = MarkerRun.Bash(script, new Dictionary<string, string>());

            run.ExitCode.Should().Be(0, run.StandardError);
            run.StandardOutput.Should().StartWith($"{CigenRuntime.CacheMarkerOutput}={Marker}\ncigen skip marker\nkey={Marker}\n");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
