using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CIGen.Protocol;

namespace CIGen.Core.Tests;

public class ProtocolJsonTests
{
    [Fact]
    public void Scalars_and_ordered_maps_round_trip_with_their_kinds_and_order()
    {
        var step = new RunStep
        {
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

    [Fact]
    public void A_union_travels_as_its_kind_first_and_only_that_kind_s_fields()
    {
        Step step = new RunStep { Run = "make", Condition = new Condition.Eq(new Condition.Ref("branch"), new Condition.Literal("main")), Source = new SourceLocation("a.yml", 1, 1) };

        var json = JsonSerializer.Serialize(step, ProtocolJsonContext.Default.Step);

        json.Should().Be(
            """{"kind":"run","run":"make","condition":{"kind":"eq","left":{"kind":"ref","name":"branch"},"right":{"kind":"literal","text":"main"}},"env":{},"envReferences":{},"source":{"file":"a.yml","line":1,"column":1}}""");
        JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Step).Should().BeEquivalentTo(step, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void A_kind_after_the_other_fields_is_read_as_well()
    {
        // A third-party host need not write `kind` first: JSON objects have no order.
        const string json = """{"files":["Cargo.lock"],"kind":"checksum","digest":"files_cargo"}""";
        var part = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.KeyPart).Should().BeOfType<KeyPart.Checksum>().Subject;

        part.Files.Should().Equal("Cargo.lock");
        part.Digest.Should().Be("files_cargo");
    }

    [Theory]
    [InlineData(typeof(Step))]
    [InlineData(typeof(KeyPart))]
    [InlineData(typeof(KeyValue))]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "A test reading the protocol's own attributes; never trimmed.")]
    public void Each_kind_s_Kind_is_the_discriminator_it_travels_under([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type union)
    {
        // The discriminator is written twice per kind (the attribute and the Kind override); they must agree.
        var kinds = union.GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false).Cast<JsonDerivedTypeAttribute>().ToList();

        kinds.Should().NotBeEmpty();
        foreach (var kind in kinds)
        {
            var instance = RuntimeHelpers.GetUninitializedObject(kind.DerivedType);
            var declared = (string)union.GetProperty("Kind")!.GetValue(instance)!;
            declared.Should().Be((string)kind.TypeDiscriminator!, $"{kind.DerivedType.Name} travels as `{kind.TypeDiscriminator}`");
        }
    }

    [Theory]
    [InlineData("""{"kind":"teleport","source":{"file":"a.yml","line":1,"column":1}}""")]
    [InlineData("""{"run":"make","source":{"file":"a.yml","line":1,"column":1}}""")]
    public void A_step_of_an_unknown_kind_or_of_none_is_not_read(string json)
    {
        var read = () => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Step);

        read.Should().Throw<Exception>().Which.Should().Match<Exception>(e => e is JsonException || e is NotSupportedException);
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
        step.Should().BeOfType<RunStep>().Which.Run.Should().Be("make");

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
