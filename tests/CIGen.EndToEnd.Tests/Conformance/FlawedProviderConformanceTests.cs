namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>
/// A provider that keeps every rule but one (Providers/flawed_provider.py): the rule for its flaw fails with evidence
/// that names the flaw, every other rule passes, and the exit code is 4.
/// </summary>
public sealed class FlawedProviderConformanceTests : ConformanceTestBase
{
    [Fact]
    public void Without_a_flaw_it_passes_every_rule()
    {
        Flawed("conformant");

        ShouldPassEveryRule(Check("conformant"), "conformant");
    }

    [Fact]
    public void A_feature_left_out_with_a_warning_is_reported_not_dropped()
    {
        Flawed("approvalwarning");

        ShouldPassEveryRule(Check("approvalwarning"), "approvalwarning");
    }

    [Theory]
    [InlineData("goodbye", "stdout-protocol-only", "the main session wrote non-protocol output \"goodbye from the flawed provider\"")]
    [InlineData("random", "deterministic", "sample 'delivery', run twice in one process: '.flawed/delivery.yml' differs: line ")]
    [InlineData("escape", "paths-inside-root", "sample 'delivery': provider 'escape' returned the path '../escape.yml': it has a '..' segment")]
    [InlineData("baddiag", "diagnostics-well-formed", "\"fatal FLAW002: something\" has the severity \"fatal\"; use error, warning or info")]
    [InlineData("noapproval", "jobs-rendered", "sample 'delivery': job 'signoff' of workflow 'delivery' is in no file and no diagnostic names it")]
    [InlineData("nouses", "steps-rendered", "sample 'matrices': step 'Keep the archive' of job 'collect' of workflow 'crossbuild' is in no file")]
    [InlineData("anyversion", "version-refusal", "offered only 1002-1003, it accepted with protocol version 1002")]
    [InlineData("exactversion", "version-choice", "'initialize' offering 2-12 was answered with error -31001")]
    public void One_flaw_fails_exactly_its_rule(string mode, string rule, string evidence)
    {
        Flawed(mode);

        ShouldFailExactly(Check(mode), [rule], evidence);
    }

    [Fact]
    public void A_provider_that_dies_on_a_cancellation_fails_the_cancellation_rule()
    {
        Flawed("cancelcrash");

        // It also stops serving, so the shutdown it no longer answers fails as well.
        ShouldFailExactly(Check("cancelcrash"), ["cancellation", "shutdown"], "the 'generate' after a cancelled one failed: it exited with code 3");
    }
}
