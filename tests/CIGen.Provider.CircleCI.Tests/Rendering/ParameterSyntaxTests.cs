using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>User text never reaches CircleCI's <c>&lt;&lt; … &gt;&gt;</c> parameter syntax unescaped; the provider's own references do.</summary>
public class ParameterSyntaxTests
{
    private const string HereDocument = "cat <<EOF >> out\nhello\nEOF\necho $((1 << 4)) >> f";

    [Fact]
    public void Escapes_a_here_document_and_a_shift_in_a_run_command()
    {
        var text = Render.Jobs(G.Job("build", G.Run(HereDocument)));

        Render.Steps(text).Should().Contain("cat \\<<EOF >> out\n").And.Contain("echo $((1 \\<< 4)) >> f");
    }

    [Fact]
    public void Escapes_user_text_in_step_names_and_environment_values()
    {
        var step = G.Run("make") with { Name = "a << b >> c", Env = G.Env(("SHIFT", "1 << 2")) };

        var text = Render.Jobs(G.Job("build", step));

        text.Should().Contain("a \\<< b >> c").And.Contain("SHIFT: 1 \\<< 2").And.NotContain(" << ");
    }

    [Theory]
    [InlineData("<< parameters.ruby >>")]
    [InlineData("echo << pipeline.parameters.run_ci >>")]
    [InlineData("Approve << parameters.gate >>")]
    public void Leaves_the_providers_own_parameter_references_intact(string text) =>
        ParameterSyntax.Escape(text).Should().Be(text);

    [Theory]
    [InlineData("<<EOF", "\\<<EOF")]
    [InlineData("<<parameters.x>>", "\\<<parameters.x>>")]
    [InlineData("<< matrix.x >> << parameters.y >>", "\\<< matrix.x >> << parameters.y >>")]
    public void Escapes_every_other_opening(string text, string escaped) =>
        ParameterSyntax.Escape(text).Should().Be(escaped);

    [Fact]
    public void Output_with_a_here_document_passes_the_schema_semantic_checks_and_shellcheck()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("build", G.Run(HereDocument)))));

        Validators.AssertValidCircleCiConfigs(result.Files.Select(f => new OutputFile(f.Path, f.Content)));
    }
}
