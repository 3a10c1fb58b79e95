namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>
/// Providers that hang or linger: each costs the kit a timeout, so these run with a short but still generous bound of
/// a few seconds (every other call of these script providers takes milliseconds), in a class of their own so that
/// they wait alongside the other tests rather than after them.
/// </summary>
public sealed class SlowProviderConformanceTests : ConformanceTestBase
{
    [Fact]
    public void A_provider_that_never_answers_shutdown_fails_shutdown_and_timeouts()
    {
        Flawed("noshutdown");

        ShouldFailExactly(Check("noshutdown", "--provider-timeout", "5"), ["shutdown", "timeouts"], "'shutdown' was not answered within 5 s");
    }

    [Fact]
    public void A_provider_that_stays_after_its_input_ends_fails_exit_on_eof()
    {
        Flawed("linger");

        ShouldFailExactly(
            Check("linger"), ["exit-on-eof"], "it had not exited 5 s after its stdin was closed without 'shutdown'; it was killed");
    }

    [Fact]
    public void A_provider_that_hangs_in_generate_fails_timeouts()
    {
        Misbehaving("hang");

        ShouldFail(Check("hang", "--provider-timeout", "5"), "timeouts", "'generate' for sample 'delivery' was not answered within 5 s");
    }
}
