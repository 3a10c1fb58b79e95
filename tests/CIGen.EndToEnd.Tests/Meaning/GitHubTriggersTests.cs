using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Meaning;

/// <summary>The test-side reading of <c>on:</c> (<see cref="GitHubTriggers"/>) against GitHub's documented examples.</summary>
public sealed class GitHubTriggersTests
{
    [Theory]
    [InlineData("feature/*", "feature/my-branch", true)]
    [InlineData("feature/*", "feature/your/branch", false)]
    [InlineData("feature/**", "feature/your/branch", true)]
    [InlineData("*", "main", true)]
    [InlineData("*", "releases/v1", false)]
    [InlineData("**", "releases/v1", true)]
    [InlineData("v2*", "v2.0.0", true)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v1.10.1", true)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v3.0.0", false)]
    [InlineData("Octoc?t", "Octoct", true)]
    public void Matches_filter_patterns_as_the_cheat_sheet_says(string pattern, string name, bool matches) =>
        GitHubTriggers.Matches(pattern, name).Should().Be(matches);

    [Theory]
    [InlineData("push", "main", "", true)]
    [InlineData("push", "feature/login", "", true)]
    [InlineData("push", "", "v1.2.3", false)]
    [InlineData("pull_request", "feature/login", "", true)]
    public void Reads_an_exclusion_only_tag_list_as_no_tag(string name, string branch, string tag, bool starts)
    {
        var on = Read("push: {branches: ['**'], tags: ['!**']}\npull_request: {branches: [main, minor]}\n");

        GitHubTriggers.Starts(on, new GitHubEvent(name, branch, tag, "main")).Should().Be(starts);
    }

    [Theory]
    [InlineData("push", "master", "", true)]
    [InlineData("push", "feature/login", "", false)]
    [InlineData("push", "", "v1.2.3", true)]
    [InlineData("push", "", "nightly/5", false)]
    [InlineData("pull_request", "feature/login", "", true)]
    [InlineData("schedule", "master", "", false)]
    [InlineData("workflow_dispatch", "master", "", true)]
    public void Filters_each_ref_kind_by_its_own_list(string name, string branch, string tag, bool starts)
    {
        var on = Read("workflow_dispatch:\npull_request:\npush: {branches: [master], tags: ['*']}\n");

        GitHubTriggers.Starts(on, new GitHubEvent(name, branch, tag, "master")).Should().Be(starts);
    }

    [Fact]
    public void Starts_on_every_branch_and_tag_for_a_bare_push_and_on_no_branch_with_tag_filters_only()
    {
        GitHubTriggers.Starts(Read("push\n"), new GitHubEvent("push", "", "v1")).Should().BeTrue();
        GitHubTriggers.Starts(Read("[push, pull_request]\n"), new GitHubEvent("push", "x", "")).Should().BeTrue();
        GitHubTriggers.Starts(Read("push: {tags: ['v*']}\n"), new GitHubEvent("push", "main", "")).Should().BeFalse();
        GitHubTriggers.Starts(Read("push: {branches-ignore: [gh-pages]}\n"), new GitHubEvent("push", "gh-pages", "")).Should().BeFalse();
    }

    private static IReadOnlyList<TriggerFilters> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return GitHubTriggers.Read(stream.Documents[0].RootNode);
    }
}
