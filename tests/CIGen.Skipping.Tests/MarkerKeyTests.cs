using CIGen.Core.Skipping;

namespace CIGen.Skipping.Tests;

public sealed class MarkerKeyTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void Key_is_version_platform_workflow_job_and_hash_joined_by_slashes()
    {
        var key = new MarkerKey("linux", "amd64", "ci", "unit-tests");

        key.Prefix.Should().Be("cigen-skip-v1/linux-amd64/ci/unit-tests/");
        key.WithHash(Hash).Should().Be("cigen-skip-v1/linux-amd64/ci/unit-tests/" + Hash);
    }

    [Fact]
    public void Dashes_in_ids_cannot_make_two_jobs_share_a_key()
    {
        new MarkerKey("linux", "amd64", "a-b", "c").Prefix.Should().NotBe(new MarkerKey("linux", "amd64", "a", "b-c").Prefix);
    }

    [Fact]
    public void A_matrix_leg_is_the_job_id_and_the_leg_suffix()
    {
        MarkerKey.ForLeg("macos", "arm64", "release", "build", "arm64_3_3").WithHash(Hash)
            .Should().Be("cigen-skip-v1/macos-arm64/release/build_arm64_3_3/" + Hash);
    }

    [Theory]
    [InlineData("Linux", "amd64", "ci", "build", "os")]
    [InlineData("linux", "x86-64", "ci", "build", "arch")]
    [InlineData("linux", "", "ci", "build", "arch")]
    [InlineData("linux", "amd64", "c i", "build", "workflow")]
    [InlineData("linux", "amd64", "ci", "build/x", "job")]
    [InlineData("linux", "amd64", "ci", "bu\u00efld", "job")]
    [InlineData("linux", "amd64", "ci", "$(id)", "job")]
    public void Characters_outside_each_part_s_set_are_rejected(string os, string arch, string workflow, string job, string part)
    {
        var act = () => new MarkerKey(os, arch, workflow, job);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(part);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public void The_hash_must_be_a_lowercase_sha256(string hash)
    {
        var act = () => new MarkerKey("linux", "amd64", "ci", "build").WithHash(hash);

        act.Should().Throw<ArgumentException>().WithMessage("*64 lowercase hex digits*");
    }
}
