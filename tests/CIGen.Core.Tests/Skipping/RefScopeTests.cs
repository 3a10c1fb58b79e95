using CIGen.Core.Config;
using CIGen.Core.Skipping;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Core.Tests.Skipping;

/// <summary>
/// Which skippable jobs depend on the ref (their markers carry the ref kind) and <c>skip_on_tags</c>: a marker from a
/// branch run must not skip a job whose tag run does something else.
/// </summary>
public sealed class RefScopeTests
{
    private static Graph Load(string config)
    {
        using var tree = ConfigTree.Inline(config);
        return tree.Load().Clean();
    }

    private static JobSkipping Skipping(string jobBody, string top = "")
    {
        var graph = Load($"{top}commands:\n  publish:\n    steps:\n      - run: make publish\n        if: tag != ''\n  plain:\n    steps: [{{run: make}}]\njobs:\n  build:\n    source_files: [src/**]\n{jobBody}");
        return graph.Workflows.Single().Jobs.Single().Skipping!;
    }

    [Theory]
    [InlineData("job if on tag", "    if: tag != ''\n    steps: [{run: make}]\n", false)]
    [InlineData("command with a tag step", "    steps: [publish]\n", false)]
    [InlineData("truthiness of the branch", "    steps:\n      - run: make\n        if: \"!branch\"\n", false)]
    [InlineData("job if on branch", "    if: branch == 'main'\n    steps: [{run: make}]\n", true)]
    [InlineData("tag prefix", "    steps:\n      - run: make publish\n        if: startsWith(tag, 'v')\n", true)]
    [InlineData("negated step if", "    steps:\n      - run: make\n        if: \"!(branch == 'main' || success())\"\n", true)]
    [InlineData("raw github.ref in a step if", "    steps:\n      - run: make\n        if: startsWith(github.ref, 'refs/tags/')\n", true)]
    [InlineData("github.event_name in the job if", "    if: github.event_name == 'push'\n    steps: [{run: make}]\n", true)]
    [InlineData("script reads GITHUB_REF_NAME", "    steps: [{run: 'echo \"$GITHUB_REF_NAME\"'}]\n", true)]
    [InlineData("script reads CIRCLE_TAG", "    steps: [{run: 'test -n \"${CIRCLE_TAG:-}\" && make publish'}]\n", true)]
    [InlineData("expression in a script", "    steps: [{run: 'echo ${{ github.ref_name }}'}]\n", true)]
    [InlineData("step env", "    steps:\n      - run: make\n        env: {VERSION: '${{ github.ref_name }}'}\n", true)]
    [InlineData("action input", "    steps:\n      - uses: softprops/action-gh-release@v2\n        with: {tag_name: '${{ github.ref_name }}'}\n", true)]
    [InlineData("job env", "    env: {REF: '${{ github.head_ref }}'}\n    steps: [{run: make}]\n", true)]
    public void A_job_that_reads_the_ref_has_ref_scoped_markers_naming_the_ref_when_it_reads_the_name(string what, string jobBody, bool name)
    {
        var skipping = Skipping(jobBody);

        skipping.RefScope.Should().Be(name ? SkipRefScope.Name : SkipRefScope.Kind, what);
        skipping.SkipOnTags.Should().BeTrue();
    }

    [Theory]
    [InlineData("plain steps", "    steps: [{run: make}]\n")]
    [InlineData("a command without ref", "    steps: [plain]\n")]
    [InlineData("matrix and env conditions", "    matrix: {os: [a, b]}\n    steps:\n      - run: make\n        if: matrix.os == 'a' && env.CI == 'true'\n")]
    [InlineData("look-alike words", "    steps: [{run: 'echo github_ref MY_GITHUB_REFS refs/tags'}]\n")]
    public void A_job_that_does_not_read_the_ref_keeps_unscoped_markers(string what, string jobBody)
    {
        var skipping = Skipping(jobBody);

        skipping.RefScope.Should().Be(SkipRefScope.None, what);
    }

    [Fact]
    public void Skip_on_tags_false_on_the_job_or_at_the_top_stops_skipping_on_tags_the_job_overriding()
    {
        Skipping("    skip_on_tags: false\n    steps: [{run: make}]\n").Should()
            .Match<JobSkipping>(s => !s.SkipOnTags && s.RefScope == SkipRefScope.None);
        Skipping("    steps: [{run: make}]\n", "skip_on_tags: false\n").SkipOnTags.Should().BeFalse();
        Skipping("    skip_on_tags: true\n    steps: [{run: make}]\n", "skip_on_tags: false\n").Should()
            .Match<JobSkipping>(s => s.SkipOnTags);
    }

    [Fact]
    public void A_skip_on_tags_that_is_not_a_boolean_is_an_error_at_the_value()
    {
        using var tree = ConfigTree.Inline("jobs:\n  build:\n    source_files: [src/**]\n    skip_on_tags: sometimes\n    steps: [{run: make}]\n");
        var result = tree.Load();

        result.Diagnostics.Should().ContainSingle().Which
            .ShouldBe(DiagnosticCodes.WrongType, "cigen.yml", 4, 19, "skip_on_tags", "`true` or `false`");
    }

    [Theory]
    [InlineData("", "branch")]
    [InlineData("CIRCLE_BRANCH=main", "branch")]
    [InlineData("CIRCLE_TAG=v1", "tag")]
    [InlineData("GITHUB_REF=refs/heads/main GITHUB_REF_TYPE=branch GITHUB_EVENT_NAME=push", "branch")]
    [InlineData("GITHUB_REF=refs/tags/v1 GITHUB_REF_TYPE=tag GITHUB_EVENT_NAME=push", "tag")]
    [InlineData("GITHUB_REF=refs/tags/v1 GITHUB_EVENT_NAME=release", "tag")]
    [InlineData("GITHUB_REF=refs/pull/7/merge GITHUB_REF_TYPE=branch GITHUB_EVENT_NAME=pull_request", "pull_request")]
    [InlineData("GITHUB_REF=refs/heads/main GITHUB_EVENT_NAME=pull_request_target", "pull_request")]
    [InlineData("GITHUB_REF=refs/heads/main GITHUB_REF_TYPE=branch GITHUB_EVENT_NAME=schedule", "branch")]
    public void The_runtime_reads_the_ref_kind_from_the_platforms_variables(string variables, string kind)
    {
        RuntimeRefKind(variables, SkipRefScope.Kind).Should().Be(kind);
    }

    [Theory]
    [InlineData("CIRCLE_TAG=v1", "tag")]
    [InlineData("GITHUB_REF=refs/tags/v1 GITHUB_REF_TYPE=tag GITHUB_EVENT_NAME=push", "tag")]
    [InlineData("GITHUB_REF=refs/heads/main GITHUB_REF_TYPE=branch GITHUB_EVENT_NAME=push", "branch")]
    [InlineData("GITHUB_REF=refs/pull/7/merge GITHUB_EVENT_NAME=pull_request", "pull_request")]
    public void A_job_that_never_skips_on_tags_is_not_looked_up_on_a_tag_run(string variables, string kind)
    {
        var skipping = new JobSkipping { Backend = new SkipBackend { Name = "native", Type = "native" }, SkipOnTags = false };
        var run = CIGen.Testing.RuntimeRun.Run("hash", new RuntimeSpec().Job("job", skipping).ToString(), EmptyCheckout.Value, Variables(variables));

        run.ExitCode.Should().Be(0, run.StandardError);
        run.Outputs["job_lookup"].Should().Be(kind == "tag" ? "false" : "true");
    }

    private static string RuntimeRefKind(string variables, string scope)
    {
        var skipping = new JobSkipping { Backend = new SkipBackend { Name = "native", Type = "native" }, RefScope = scope };
        var run = CIGen.Testing.RuntimeRun.Run("hash", new RuntimeSpec().Job("job", skipping).Marker("m", "p/").ToString(), EmptyCheckout.Value, Variables(variables));

        run.ExitCode.Should().Be(0, run.StandardError);
        run.Outputs["m"].Should().Be($"p/{run.Outputs["job_ref_kind"]}/{run.Outputs["job_hash"]}", "a scoped marker names the ref kind before the hash");
        return run.Outputs["job_ref_kind"];
    }

    /// <summary>
    /// A directory of its own for the hash to walk: the shared temporary directory changes under a walk while other
    /// tests run, and a file that vanishes mid-walk fails it.
    /// </summary>
    private static readonly Lazy<string> EmptyCheckout = new(() => Directory.CreateTempSubdirectory("cigen-refkind-").FullName);

    private static Dictionary<string, string?> Variables(string variables) =>
        variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => (string?)v[1]);

    [Theory]
    [InlineData("CIRCLE_BRANCH=main", "branch", "main")]
    [InlineData("CIRCLE_BRANCH=main CIRCLE_TAG=v1.2.0", "tag", "v1.2.0")]
    [InlineData("GITHUB_REF=refs/heads/main GITHUB_REF_TYPE=branch GITHUB_REF_NAME=main GITHUB_EVENT_NAME=push GITHUB_HEAD_REF=", "branch", "main")]
    [InlineData("GITHUB_REF=refs/tags/nightly GITHUB_REF_TYPE=tag GITHUB_REF_NAME=nightly GITHUB_EVENT_NAME=push", "tag", "nightly")]
    [InlineData("GITHUB_REF=refs/pull/7/merge GITHUB_REF_TYPE=branch GITHUB_REF_NAME=7/merge GITHUB_HEAD_REF=feature/x GITHUB_EVENT_NAME=pull_request", "pull_request", "feature/x")]
    public void The_runtime_names_the_ref_kind_with_the_digest_of_the_name_ref_conditions_compare(string variables, string kind, string name)
    {
        RuntimeRefKind(variables, SkipRefScope.Name).Should().Be($"{kind}-{RefKind.NameDigest(name)}");
        RefKind.NameDigest(name).Should().MatchRegex("^[0-9a-f]{16}$").And.NotBe(RefKind.NameDigest(name + "x"));
    }
}
