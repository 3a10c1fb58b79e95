using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.CircleCI.Rendering;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Refs both filters accept, spelled as simply as the filters allow.</summary>
public class RefSetTests
{
    [Theory]
    [InlineData("/^v[^/]*$/", "/^v.*$/", "/^v[^/]*$/")]            // the trigger's v* is inside startsWith(tag, 'v')
    [InlineData("/^v.*$/", "/^v1\\.[^/]*$/", "/^v1\\.[^/]*$/")]
    [InlineData("v1.2", "/^v.*$/", "v1.2")]                        // an exact name the pattern accepts
    [InlineData("/^v1\\.*$/", "/^v1\\..*$/", "/(?=(?:^v1\\.*$)$)(?:^v1\\..*$)/")] // a quantifier: not certainly inside
    [InlineData("/^[^/]*$/", "/^v.*$/", "/^v[^/]*$/")]               // startsWith(tag, 'v') under the trigger's `*`
    [InlineData("/^rel[^/]*$/", "/^release.*$/", "/^release[^/]*$/")]
    [InlineData("/^v.*$/", "/^v1.*$/", "/^v1.*$/")]
    [InlineData("/^release/.*$/", "/^rel.*$/", "/^release/.*$/")]
    [InlineData("/^release/.*$/", "/^v[^/]*\\d$/", "/(?=(?:^release/.*$)$)(?:^v[^/]*\\d$)/")] // not two prefixes
    public void Two_only_lists_meet_in_the_narrower_pattern_or_a_lookahead_of_both(string trigger, string condition, string expected)
    {
        var both = RefSet.Of(new RefFilter { Only = [trigger] }).Intersect(RefSet.Of(new RefFilter { Only = [condition] }));

        both.Filter!.Only.Should().Equal(expected);
        foreach (var name in Names)
        {
            RefSet.Matches(expected, name).Should().Be(RefSet.Matches(trigger, name) && RefSet.Matches(condition, name), name);
        }
    }

    private static readonly string[] Names = ["v1.2", "v1", "v1.", "v1..", "v12", "release", "release/x", "released", "rel", "v2/x", "v2/3", "main", ""];

    [Theory]
    [InlineData("/^release/.*$/", "/^v.*$/")]     // neither prefix starts the other
    [InlineData("/^[^/]*$/", "/^release/.*$/")]   // the prefix has a '/' the other rules out
    [InlineData("/^v[^/]*$/", "/^v1/.*$/")]
    public void Two_prefixes_that_share_no_ref_leave_nothing(string trigger, string condition)
    {
        RefSet.Of(new RefFilter { Only = [trigger] }).Intersect(RefSet.Of(new RefFilter { Only = [condition] })).IsNone.Should().BeTrue();
        Names.Should().NotContain(name => RefSet.Matches(trigger, name) && RefSet.Matches(condition, name));
    }

    [Fact]
    public void An_exact_name_the_other_list_rejects_leaves_nothing() =>
        RefSet.Of(new RefFilter { Only = ["main"] }).Intersect(RefSet.Of(new RefFilter { Only = ["/^v.*$/"] })).IsNone.Should().BeTrue();

    [Fact]
    public void Ignore_lists_add_up() =>
        RefSet.Of(new RefFilter { Ignore = ["a"] }).Intersect(RefSet.Of(new RefFilter { Only = ["/^v.*$/"], Ignore = ["b"] })).Filter
            .Should().BeEquivalentTo(new RefFilter { Only = ["/^v.*$/"], Ignore = ["a", "b"] });
}
