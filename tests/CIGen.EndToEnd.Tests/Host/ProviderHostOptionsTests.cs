using CIGen.Core.Providers;

namespace CIGen.EndToEnd.Tests.Host;

/// <summary>The timeouts docs/protocol.md §3 states: 20 s to the handshake, 60 s a call, 2 s from shutdown to the kill.</summary>
public class ProviderHostOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new ProviderHostOptions();

        options.HandshakeTimeout.Should().Be(TimeSpan.FromSeconds(20));
        options.CallTimeout.Should().Be(TimeSpan.FromSeconds(60));
        options.ShutdownGrace.Should().Be(TimeSpan.FromSeconds(2));
        options.MaxMessageBytes.Should().Be(64L * 1024 * 1024);
    }

    [Theory]
    [InlineData(5, 5, 5)]
    [InlineData(20, 20, 20)]
    [InlineData(300, 300, 20)]
    public void The_timeout_option_sets_the_call_timeout_and_the_handshake_never_waits_longer(int seconds, int call, int handshake)
    {
        var options = new ProviderHostOptions().WithCallTimeout(TimeSpan.FromSeconds(seconds));

        options.CallTimeout.Should().Be(TimeSpan.FromSeconds(call));
        options.HandshakeTimeout.Should().Be(TimeSpan.FromSeconds(handshake));
    }
}
