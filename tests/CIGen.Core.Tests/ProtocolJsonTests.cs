using System.Text.Json;
using CIGen.Protocol;

namespace CIGen.Core.Tests;

public class ProtocolJsonTests
{
    [Fact]
    public void Scalars_and_ordered_maps_round_trip_with_their_kinds_and_order()
    {
        var step = new Step
        {
            Kind = StepKind.Run,
            Run = "echo hi",
            Env = new() { ["Z"] = Scalar.Number("1"), ["A"] = Scalar.Boolean(true), ["M"] = "3.10" },
            Source = new SourceLocation(".cigen/x.yml", 3, 5),
        };
        var json = JsonSerializer.Serialize(new Graph { ConfigSource = ".cigen", Commands = [new Command { Name = "c", Steps = [step], Source = step.Source }] }, ProtocolJsonContext.Default.Graph);
        json.Should().Contain("\"env\":{\"Z\":1,\"A\":true,\"M\":\"3.10\"}");
        var back = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Graph)!;
        back.Commands[0].Steps[0].Env.Keys.Should().Equal("Z", "A", "M");
        back.Commands[0].Steps[0].Env["Z"].Should().Be(Scalar.Number("1"));
        back.Commands[0].Steps[0].Env["M"].Kind.Should().Be(ScalarKind.String);
    }
}

public class ProtocolDefaultsTests
{
    [Fact]
    public void Fields_left_out_of_the_json_keep_their_documented_defaults()
    {
        const string json = """{"kind":"run","run":"make","source":{"file":"a.yml","line":1,"column":1}}""";
        var step = System.Text.Json.JsonSerializer.Deserialize(json, CIGen.Protocol.ProtocolJsonContext.Default.Step)!;
        step.Env.Should().BeEmpty();
        step.Only.Should().BeEmpty();

        const string jobJson = """{"id":"build","source":{"file":"a.yml","line":1,"column":1}}""";
        var job = System.Text.Json.JsonSerializer.Deserialize(jobJson, CIGen.Protocol.ProtocolJsonContext.Default.Job)!;
        job.Checkout.Should().BeTrue();
        job.Skip.Should().BeTrue();
        job.Steps.Should().BeEmpty();
        job.Needs.Should().BeEmpty();

        var graph = System.Text.Json.JsonSerializer.Deserialize("""{"configSource":".cigen"}""", CIGen.Protocol.ProtocolJsonContext.Default.Graph)!;
        graph.ProviderSettings.Should().BeNull();
        graph.Workflows.Should().BeEmpty();
    }
}
