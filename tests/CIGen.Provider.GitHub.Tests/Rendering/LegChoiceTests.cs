using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering.Skipping;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing.Meaning;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// How a matrix leg names itself at run time (<see cref="LegChoice"/>): the key the plan's JSON object of leg
/// decisions is looked up with, spelled from <c>matrix</c> as GitHub's <c>format</c> writes values.
/// </summary>
public class LegChoiceTests
{
    private static Job WithLegs(params MatrixLeg[] legs) => G.Job("test", G.Run("x")) with { MatrixLegs = legs };

    [Fact]
    public void One_leg_is_named_by_its_value()
    {
        var choice = LegChoice.For(WithLegs(MatrixSample.Leg("amd64", ("arch", "amd64"))));

        choice.Expression.Should().Be("matrix.arch");
        choice.Keys.Should().Equal("amd64");
    }

    [Fact]
    public void Values_alike_in_every_leg_are_left_out_and_numbers_are_written_as_github_formats_them()
    {
        var choice = LegChoice.For(WithLegs(
            MatrixSample.Leg("amd64_3_10", ("arch", "amd64"), ("python", Scalar.Number("3.10"))),
            MatrixSample.Leg("amd64_3_9", ("arch", "amd64"), ("python", Scalar.Number("3.9")), ("tox", "py39"))));

        choice.Expression.Should().Be("format('{0}', matrix.python)");
        choice.Keys.Should().Equal("3.1", "3.9");
        GitHubExpression.Evaluate(choice.Expression, new Dictionary<string, object?> { ["matrix.python"] = 3.10 }).Should().Be("3.1");
    }

    [Fact]
    public void The_first_values_that_tell_the_legs_apart_name_them_joined_by_a_separator_none_of_them_confuses()
    {
        var choice = LegChoice.For(WithLegs(
            MatrixSample.Leg("x_y_z", ("a", "x/y"), ("b", "z"), ("c", "1")),
            MatrixSample.Leg("x_y_z_2", ("a", "x"), ("b", "y/z"), ("c", "2")),
            MatrixSample.Leg("x_y_z_3", ("a", "x"), ("b", "z"), ("c", "3"))));

        choice.Expression.Should().Be("format('{0}|{1}', matrix.a, matrix.b)");
        choice.Keys.Should().Equal("x/y|z", "x|y/z", "x|z");
        choice.Ambiguous.Should().BeFalse();
    }

    [Fact]
    public void A_value_a_leg_lacks_reads_as_empty()
    {
        var choice = LegChoice.For(WithLegs(
            MatrixSample.Leg("linux", ("os", "linux"), ("node", Scalar.Number("20"))),
            MatrixSample.Leg("linux_2", ("os", "linux"))));

        choice.Expression.Should().Be("format('{0}', matrix.node)");
        choice.Keys.Should().Equal("20", "");
    }

    [Fact]
    public void Legs_no_values_tell_apart_are_an_error_naming_the_job()
    {
        var job = SkippingSample.Test(SkippingSample.Native()) with
        {
            MatrixLegs = [MatrixSample.Leg("amd64", ("arch", "X")), MatrixSample.Leg("arm64", ("arch", "x"))],
        };

        LegChoice.For(job).Ambiguous.Should().BeTrue("GitHub finds an object's keys ignoring case");
        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Job == "test")
            .Which.Message.Should().Contain("cannot be told apart");
    }
}
