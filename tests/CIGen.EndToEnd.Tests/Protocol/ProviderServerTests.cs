using System.Text;
using CIGen.Protocol;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Wire;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace CIGen.EndToEnd.Tests.Protocol;

/// <summary>The SDK's server, in process: a host-side JSON-RPC client on one end of an in-memory duplex pipe.</summary>
public sealed class ProviderServerTests : IAsyncDisposable
{
    private readonly FakeProvider provider = new();
    private readonly Stream hostSide;
    private readonly Task<int> server;
    private readonly JsonRpc rpc;
    private readonly ProtocolClient client;

    public ProviderServerTests()
    {
        var (host, providerSide) = FullDuplexStream.CreatePair();
        hostSide = host;
        server = ProviderServer.ServeAsync(provider, providerSide, providerSide, TextWriter.Null);
        rpc = new JsonRpc(WireFormat.CreateHandler(host, host));
        client = new ProtocolClient(rpc);
        rpc.StartListening();
    }

    private static InitializeParams Offer(int min, int max) => new(new VersionRange(min, max), new HostInfo("test-host", "9.9.9"));

    private static readonly CIGen.Protocol.Graph SampleGraph = new()
    {
        ConfigSource = "cigen.yml",
        Workflows =
        [
            new Workflow
            {
                Id = "ci",
                Source = new SourceLocation("cigen.yml", 1, 1),
                Env = new() { ["Z"] = Scalar.Number("3.10"), ["A"] = Scalar.Boolean(false), ["M"] = "3.10" },
            },
        ],
    };

    [Fact]
    public async Task Initialize_answers_the_description_and_the_highest_common_version()
    {
        var result = await client.InitializeAsync(Offer(ProtocolInfo.MinimumVersion, ProtocolInfo.CurrentVersion + 5), default);

        result!.ProtocolVersion.Should().Be(ProtocolInfo.CurrentVersion);
        result.Name.Should().Be("fake");
        result.Version.Should().Be("1.2.3");
        result.Outputs.Should().Equal(".fake/*.yml");
    }

    [Fact]
    public async Task Initialize_without_a_common_version_is_an_error_naming_both_ranges()
    {
        var act = () => client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion + 1, ProtocolInfo.CurrentVersion + 2), default);

        var error = (await act.Should().ThrowAsync<RemoteInvocationException>()).Which;
        error.ErrorCode.Should().Be(ErrorCodes.UnsupportedProtocolVersion);
        error.Message.Should().Contain($"the host speaks {ProtocolInfo.CurrentVersion + 1}-{ProtocolInfo.CurrentVersion + 2}")
            .And.Contain($"this provider speaks {ProtocolVersions.Supported.Describe()}");
    }

    [Fact]
    public async Task Generate_before_initialize_is_a_not_initialized_error()
    {
        var act = () => client.GenerateAsync(new GenerateParams(SampleGraph, new GenerateOptions()), default);

        (await act.Should().ThrowAsync<RemoteInvocationException>()).Which.ErrorCode.Should().Be(ErrorCodes.NotInitialized);
        provider.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Generate_passes_the_graph_intact_and_returns_files_and_diagnostics()
    {
        await client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion, ProtocolInfo.CurrentVersion), default);

        var result = await client.GenerateAsync(new GenerateParams(SampleGraph, new GenerateOptions(OutputPath: "out")), default);

        result!.Files.Should().ContainSingle().Which.Should().Be(new OutputFile(".fake/ci.yml", "workflow: ci\n"));
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("FAKE001");
        var received = provider.Requests.Should().ContainSingle().Subject;
        received.Options.OutputPath.Should().Be("out");
        var env = received.Graph.Workflows[0].Env;
        env.Keys.Should().Equal("Z", "A", "M");
        env["Z"].Should().Be(Scalar.Number("3.10"));
        env["A"].Should().Be(Scalar.Boolean(false));
        env["M"].Should().Be(Scalar.String("3.10"));
    }

    [Fact]
    public async Task A_provider_exception_becomes_an_internal_error_and_the_session_goes_on()
    {
        await client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion, ProtocolInfo.CurrentVersion), default);

        var act = () => client.GenerateAsync(new GenerateParams(SampleGraph with { ConfigSource = "boom" }, new GenerateOptions()), default);

        var error = (await act.Should().ThrowAsync<RemoteInvocationException>()).Which;
        error.ErrorCode.Should().Be(-32603);
        error.Message.Should().Contain("InvalidOperationException: kaboom");
        (await client.GenerateAsync(new GenerateParams(SampleGraph, new GenerateOptions()), default))!.Files.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_graph_that_breaks_the_host_guarantees_is_answered_with_InvalidGraph()
    {
        await client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion, ProtocolInfo.CurrentVersion), default);

        var act = () => client.GenerateAsync(new GenerateParams(SampleGraph with { ConfigSource = "broken" }, new GenerateOptions()), default);

        var error = (await act.Should().ThrowAsync<RemoteInvocationException>()).Which;
        error.ErrorCode.Should().Be(ErrorCodes.InvalidGraph);
        error.Message.Should().Be("the graph breaks the host's guarantee that every needs id names a job (at cigen.yml:1:1); this is a bug in the host, not in the config");
    }

    [Fact]
    public async Task A_cancelled_generate_reaches_the_provider_as_cancelRequest_and_is_answered_as_cancelled()
    {
        await client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion, ProtocolInfo.CurrentVersion), default);
        using var cancellation = new CancellationTokenSource();

        var pending = client.GenerateAsync(new GenerateParams(SampleGraph with { ConfigSource = "wait" }, new GenerateOptions()), cancellation.Token);
        await provider.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        // The provider waits for its token, so only a $/cancelRequest that arrived and was read ends the call.
        await FluentActions.Awaiting(() => pending.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<OperationCanceledException>();
        (await client.GenerateAsync(new GenerateParams(SampleGraph, new GenerateOptions()), default))!.Files.Should().HaveCount(1);
    }

    [Fact]
    public async Task Shutdown_answers_null_and_the_server_exits_0_when_input_ends()
    {
        await client.InitializeAsync(Offer(ProtocolInfo.CurrentVersion, ProtocolInfo.CurrentVersion), default);
        await client.ShutdownAsync(default);

        var act = () => client.GenerateAsync(new GenerateParams(SampleGraph, new GenerateOptions()), default);
        (await act.Should().ThrowAsync<RemoteInvocationException>()).Which.ErrorCode.Should().Be(-32600);

        rpc.Dispose(); // closes the host's end: the provider sees end of input
        (await server.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
    }

    [Fact]
    public async Task On_the_wire_params_are_one_named_object_and_framing_is_content_length()
    {
        rpc.Dispose();
        var (raw, providerSide) = FullDuplexStream.CreatePair();
        var rawServer = ProviderServer.ServeAsync(provider, providerSide, providerSide, TextWriter.Null);

        await WriteFramed(raw, """{"jsonrpc":"2.0","id":"x1","method":"initialize","params":{"protocolVersions":{"min":2,"max":2},"host":{"name":"raw","version":"0"}}}""");
        (await ReadFramed(raw)).Should().Be(
            """{"jsonrpc":"2.0","id":"x1","result":{"name":"fake","version":"1.2.3","protocolVersion":2,"capabilities":[],"outputs":[".fake/*.yml"]}}""");

        await WriteFramed(raw, """{"jsonrpc":"2.0","id":7,"method":"generate","params":{"graph":{"configSource":"c","workflows":[{"id":"w","source":{"file":"c","line":1,"column":1},"env":{"N":1.50}}]},"options":{},"unknownField":true}}""");
        (await ReadFramed(raw)).Should().Be(
            """{"jsonrpc":"2.0","id":7,"result":{"files":[{"path":".fake/w.yml","content":"workflow: w\n"}],"diagnostics":[{"severity":"warning","code":"FAKE001","message":"just so you know","file":"c","line":1,"column":1}]}}""");
        provider.Requests.Last().Graph.Workflows[0].Env["N"].Should().Be(Scalar.Number("1.50"));

        await WriteFramed(raw, """{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}}""");
        await WriteFramed(raw, """{"jsonrpc":"2.0","id":8,"method":"shutdown","params":{}}""");
        (await ReadFramed(raw)).Should().Be("""{"jsonrpc":"2.0","id":8,"result":null}""");

        raw.Dispose();
        (await rawServer.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(0);
    }

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        hostSide.Dispose();
        await server.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task WriteFramed(Stream stream, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static async Task<string> ReadFramed(Stream stream)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            (await stream.ReadAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(1);
            header.Append((char)one[0]);
        }

        header.ToString().Should().StartWith("Content-Length: ");
        var length = int.Parse(header.ToString()["Content-Length: ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return Encoding.UTF8.GetString(body);
    }

    private sealed class FakeProvider : IProvider
    {
        public List<GenerateParams> Requests { get; } = [];

        /// <summary>Set when a "wait" request has arrived and waits for its cancellation.</summary>
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ProviderDescription Describe() => new("fake", "1.2.3", [], [".fake/*.yml"]);

        public GenerateResult Generate(GenerateParams request, CancellationToken cancellationToken)
        {
            if (request.Graph.ConfigSource == "boom")
            {
                throw new InvalidOperationException("kaboom");
            }

            if (request.Graph.ConfigSource == "wait")
            {
                Waiting.TrySetResult();
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (request.Graph.ConfigSource == "broken")
            {
                throw InvalidGraphException.Broken("every needs id names a job", request.Graph.Workflows[0].Source);
            }

            lock (Requests)
            {
                Requests.Add(request);
            }

            var workflow = request.Graph.Workflows[0];
            return new GenerateResult(
                [new OutputFile($".fake/{workflow.Id}.yml", $"workflow: {workflow.Id}\n")],
                [new Diagnostic(Severity.Warning, "FAKE001", "just so you know", workflow.Source.File, workflow.Source.Line, workflow.Source.Column)]);
        }
    }
}
