using CIGen.Protocol;
using CIGen.Provider.Sdk;

namespace CIGen.EndToEnd.Tests.Protocol;

public class ProtocolVersionsTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(1, 5, 1, 3, 3)]
    [InlineData(2, 4, 1, 3, 3)]
    [InlineData(3, 3, 1, 5, 3)]
    public void The_highest_version_both_sides_speak_is_chosen(int offeredMin, int offeredMax, int supportedMin, int supportedMax, int expected) =>
        ProtocolVersions.HighestCommon(new VersionRange(offeredMin, offeredMax), new VersionRange(supportedMin, supportedMax)).Should().Be(expected);

    [Theory]
    [InlineData(2, 3, 1, 1)]
    [InlineData(1, 1, 2, 4)]
    public void Ranges_that_do_not_overlap_have_no_common_version(int offeredMin, int offeredMax, int supportedMin, int supportedMax) =>
        ProtocolVersions.HighestCommon(new VersionRange(offeredMin, offeredMax), new VersionRange(supportedMin, supportedMax)).Should().BeNull();
}
