using CIGen.Core.Config;
using CIGen.Core.Graphs;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Graphs;

/// <summary>The core recognises secret/variable references once, for every provider.</summary>
public class EnvReferenceTests
{
    [Theory]
    [InlineData("${{ secrets.NPM_TOKEN }}", EnvReferenceKind.Secret, "NPM_TOKEN")]
    [InlineData("${{secrets.NPM_TOKEN}}", EnvReferenceKind.Secret, "NPM_TOKEN")]
    [InlineData("${NPM_TOKEN}", EnvReferenceKind.Secret, "NPM_TOKEN")]
    [InlineData("${{ vars.REGION }}", EnvReferenceKind.Variable, "REGION")]
    [InlineData("${{  env.HOME_DIR  }}", EnvReferenceKind.Env, "HOME_DIR")]
    public void A_value_that_is_exactly_a_reference_is_recognised(string text, string kind, string name)
    {
        EnvReferences.Parse(Scalar.String(text)).Should().Be(new EnvReference(kind, name));
    }

    [Theory]
    [InlineData("v-${{ secrets.X }}")]
    [InlineData("${{ secrets.X }}-suffix")]
    [InlineData("${{ github.sha }}")]
    [InlineData("${{ secrets.X || 'default' }}")]
    [InlineData("$NAME")]
    [InlineData("${NAME:-x}")]
    [InlineData("${1BAD}")]
    [InlineData("plain")]
    public void Anything_else_is_plain_text(string text)
    {
        EnvReferences.Parse(Scalar.String(text)).Should().BeNull();
    }

    [Fact]
    public void A_quoted_number_is_not_a_reference_but_a_number_never_is()
    {
        EnvReferences.Parse(Scalar.Number("1")).Should().BeNull();
    }

    [Fact]
    public void Workflow_job_step_and_command_step_references_are_in_the_graph()
    {
        using var tree = ConfigTree.Inline("""
            env: {TOP: '${TOP_SECRET}'}
            commands:
              deploy:
                steps: [{run: ./deploy.sh, env: {TOKEN: '${{ secrets.DEPLOY }}'}}]
            jobs:
              a:
                env: {REGION: '${{ vars.REGION }}', MODE: release}
                steps:
                  - run: make
                    env: {HOME_COPY: '${{ env.HOME }}', LEVEL: info}
                  - deploy
            """);
        var graph = tree.Load().Clean();

        var workflow = graph.Workflows[0];
        workflow.EnvReferences.Should().Equal(new Dictionary<string, EnvReference> { ["TOP"] = new(EnvReferenceKind.Secret, "TOP_SECRET") });
        workflow.Jobs[0].EnvReferences.Should().Equal(new Dictionary<string, EnvReference> { ["REGION"] = new(EnvReferenceKind.Variable, "REGION") });
        workflow.Jobs[0].Steps.OfType<RunStep>().First().EnvReferences.Should().Equal(new Dictionary<string, EnvReference> { ["HOME_COPY"] = new(EnvReferenceKind.Env, "HOME") });
        graph.Commands[0].Steps[0].EnvReferences.Should().Equal(new Dictionary<string, EnvReference> { ["TOKEN"] = new(EnvReferenceKind.Secret, "DEPLOY") });
        workflow.Env["TOP"].Should().Be(Scalar.String("${TOP_SECRET}"), "the env map keeps the text as written");
    }
}
