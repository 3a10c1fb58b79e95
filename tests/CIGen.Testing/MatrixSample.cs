using CIGen.Protocol;

namespace CIGen.Testing;

/// <summary>
/// A matrix job (2 architectures × 2 Ruby versions, one combination excluded and one added by include, so both
/// providers show the core's legs) with a dependent, as the core sends it: the legs are what MatrixLegs computes.
/// </summary>
public static class MatrixSample
{
    public static Job Test() => G.Job(
            "test",
            G.Checkout(),
            G.Run("bundle exec rake test", "Test on ${{ matrix.arch }} with Ruby ${{ matrix.ruby }}") with
            {
                Env = G.Env(("EXPERIMENTAL", "${{ matrix.experimental }}")),
            }) with
    {
        CheckoutIndex = 0,
        Image = "ruby:${{ matrix.ruby }}",
        Architectures = ["amd64", "arm64"],
        Matrix = [new MatrixDimension("ruby", ["3.2", "3.3"])],
        MatrixExclude = [G.Env(("arch", "arm64"), ("ruby", "3.2"))],
        MatrixInclude = [G.Env(("arch", "amd64"), ("ruby", "3.4"), ("experimental", Scalar.Boolean(true)))],
        FailFast = false,
        Env = G.Env(("RUBY_VERSION", "${{ matrix.ruby }}")),
        MatrixLegs =
        [
            Leg("amd64_3_2", ("arch", "amd64"), ("ruby", "3.2")),
            Leg("amd64_3_3", ("arch", "amd64"), ("ruby", "3.3")),
            Leg("arm64_3_3", ("arch", "arm64"), ("ruby", "3.3")),
            Leg("amd64_3_4", ("arch", "amd64"), ("ruby", "3.4"), ("experimental", Scalar.Boolean(true))),
        ],
    };

    public static Job Deploy() => G.Job("deploy", G.Checkout(), G.Run("./deploy.sh")) with { Needs = ["test"], CheckoutIndex = 0 };

    public static Graph Graph() => G.Graph(G.Workflow("ci", Test(), Deploy()));

    public static MatrixLeg Leg(string suffix, params (string Key, Scalar Value)[] values) => new() { Suffix = suffix, Values = G.Env(values) };
}
