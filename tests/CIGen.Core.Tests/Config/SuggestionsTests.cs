using CIGen.Core.Config;

namespace CIGen.Core.Tests.Config;

public class SuggestionsTests
{
    [Theory]
    [InlineData("requries", "requires")]
    [InlineData("runs-on", "runs_on")]
    [InlineData("Steps", "steps")]
    [InlineData("enviroment", "environment")]
    [InlineData("sorce_files", "source_files")]
    public void Likely_typos_find_the_intended_key(string written, string expected) =>
        Suggestions.Closest(written, ["requires", "runs_on", "steps", "environment", "env", "source_files"]).Should().Be(expected);

    [Theory]
    [InlineData("zebra")]
    [InlineData("ab")]
    public void Unrelated_words_get_no_suggestion(string written) =>
        Suggestions.Closest(written, ["requires", "steps", "env"]).Should().BeNull();

    [Fact]
    public void Swapped_neighbours_count_as_one_edit() => Suggestions.Distance("ab", "ba").Should().Be(1);

    [Fact]
    public void A_multi_megabyte_value_is_not_measured_against_every_candidate()
    {
        // Found by the hostile-config fuzz test: a 4 MB value of `on:` took 40 s, each candidate a 4M × n table.
        var huge = new string('e', 4 * 1024 * 1024);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Suggestions.Closest(huge, ["push", "pull_request", "schedule", "workflow_dispatch", "release"]).Should().BeNull();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_candidate_too_long_to_be_a_typo_does_not_hide_a_close_one() =>
        Suggestions.Closest("stesp", ["s", "steps"]).Should().Be("steps");
}
