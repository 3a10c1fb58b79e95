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
}
