using System.Security.Cryptography;
using System.Text;
using CIGen.Core.Files;
using CIGen.Core.Tests.Support;
using CIGen.Testing;

namespace CIGen.Core.Tests.Files;

public class TreeDigestTests
{
    [Fact]
    public void Lists_matching_regular_files_in_byte_order_without_git()
    {
        using var tree = DigestTree.Awkward();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "link.lock"), "Gemfile.lock");

        TreeDigest.Files(tree.Root, GlobSet.Parse(DigestTree.AwkwardGlobs)).Should().Equal(
            "-dash.lock", ".hidden.lock", "Gemfile", "Gemfile.lock", "Z.lock", "a/b/c/deep.lock", "back\\slash.lock",
            "donn\u00e9es/\u00e9.lock", "empty.lock", "new\nline.lock", "with space.lock");
    }

    [Fact]
    public void Digest_is_sha256_of_the_sha256sum_listing_with_gnu_escaping()
    {
        using var tree = new DigestTree(("b", "B"), ("a\\x", "A"));
        static string Sha(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
        var listing = $"\\{Sha("A")}  a\\\\x\n{Sha("B")}  b\n";

        TreeDigest.Compute(tree.Root, ["b", "a\\x"]).Should().Be(Sha(listing));
    }

    [Theory]
    [InlineData(64 * 1024 - 1)]
    [InlineData(64 * 1024)]
    [InlineData(200 * 1024 + 7)]
    public void Files_of_any_size_hash_as_sha256sum_does(int size)
    {
        using var tree = new DigestTree();
        var content = new byte[size];
        new Random(size).NextBytes(content);
        File.WriteAllBytes(Path.Combine(tree.Root, "big.bin"), content);

        var result = ShellRun.Run("bash", ["-c", "printf 'big.bin\\0' | xargs -0 sha256sum -- | sha256sum"], tree.Root);

        TreeDigest.Hash(tree.Root, ["big.bin"]).Files.Single().ContentHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        TreeDigest.Compute(tree.Root, ["big.bin"]).Should().Be(result.Text.Split(' ')[0]);
    }

    [Fact]
    public void No_files_is_the_sha256_of_nothing()
    {
        using var tree = new DigestTree(("a", "A"));
        TreeDigest.Compute(tree.Root, GlobSet.Parse(["*.none"])).Should().Be(TreeDigest.Empty)
            .And.Be(Convert.ToHexStringLower(SHA256.HashData([])));
    }

    [Fact]
    public void Equals_the_spec_pipeline_run_in_bash()
    {
        using var tree = DigestTree.Awkward();
        var set = GlobSet.Parse(DigestTree.AwkwardGlobs);
        var listed = string.Concat(TreeDigest.Files(tree.Root, set).Select(f => f + "\0"));

        // docs/config.md "Job hash", literally: the list, NUL-separated, through LC_ALL=C sort -z | xargs -0 sha256sum.
        var result = ShellRun.Run(
            "bash", ["-euo", "pipefail", "-c", "LC_ALL=C sort -z | xargs -0 -r sha256sum -- | sha256sum"], tree.Root,
            Encoding.UTF8.GetBytes(listed));

        result.ExitCode.Should().Be(0, result.StandardError);
        TreeDigest.Compute(tree.Root, set).Should().Be(result.Text.Split(' ')[0]);
    }

    [Fact]
    public void Listing_agrees_with_find_and_grep()
    {
        using var tree = DigestTree.Awkward();
        var set = GlobSet.Parse(DigestTree.AwkwardGlobs);
        var found = ShellRun.Run("bash", ["-c", "find . -path ./.git -prune -o -type f -printf '%P\\0'"], tree.Root);

        GlobSetTests.GrepSelects(set, found.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal)
            .Should().Equal(TreeDigest.Files(tree.Root, set).Order(StringComparer.Ordinal));
    }
}
