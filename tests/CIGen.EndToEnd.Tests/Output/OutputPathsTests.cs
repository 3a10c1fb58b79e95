using CIGen.Core.Output;

namespace CIGen.EndToEnd.Tests.Output;

public class OutputPathsTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("ci.yml")]
    [InlineData(".circleci/config.yml")]
    [InlineData("a/b/c/d.txt")]
    [InlineData("..hidden/x")]
    public void Relative_slash_separated_paths_are_accepted(string path) => OutputPaths.Problem(path).Should().BeNull();

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("../x.yml", "'..' segment")]
    [InlineData("a/../../x.yml", "'..' segment")]
    [InlineData("a/..", "'..' segment")]
    [InlineData("./x.yml", "'.' segment")]
    [InlineData("a/./x.yml", "'.' segment")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:/x.yml", "drive letter")]
    [InlineData("c:x.yml", "drive letter")]
    [InlineData("a\\b.yml", "backslash")]
    [InlineData("a//b.yml", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("a/b:c.yml", "':'")]
    [InlineData("a/b\n.yml", "control character")]
    public void Paths_breaking_a_rule_are_rejected_with_the_reason(string? path, string reason) =>
        OutputPaths.Problem(path).Should().Contain(reason);

    [Fact]
    public void A_valid_path_resolves_inside_the_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "root");

        OutputPaths.Resolve(root, ".github/workflows/ci.yml").Should().Be(Path.Combine(root, ".github", "workflows", "ci.yml"));
        OutputPaths.Resolve(root + "/", "x.yml").Should().Be(Path.Combine(root, "x.yml"));
    }

    [Fact]
    public void Resolving_refuses_anything_that_lands_outside_the_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "root");

        OutputPaths.Resolve(root, "../root-sibling/x.yml").Should().BeNull();
        OutputPaths.Resolve(root, "/etc/passwd").Should().BeNull();
    }
}
