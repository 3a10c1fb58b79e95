using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// The <c>automated_approval</c> command's script, taken from a rendered config and run with bash against a local
/// stand-in for CircleCI's API v2 on 127.0.0.1 that records every call.
/// </summary>
public sealed class AutomatedApprovalScriptTests : IDisposable
{
    private const string WorkflowId = "5e1d-wf";
    private readonly FakeApi api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public void Finds_the_gate_on_a_later_page_and_posts_its_approval_with_the_token()
    {
        var run = Run(token: "secret-token");

        run.ExitCode.Should().Be(0, run.Output);
        api.Calls.Should().Equal(
            ("GET", $"/workflow/{WorkflowId}/job", "secret-token"),
            ("GET", $"/workflow/{WorkflowId}/job?page-token=page-2", "secret-token"),
            ("POST", $"/workflow/{WorkflowId}/approve/req-42", "secret-token"));
        run.Output.Should().Contain("Approved deploy_gate");
    }

    [Fact]
    public void Succeeds_when_another_alternative_approved_the_gate_in_between()
    {
        api.ApproveStatus = 409;
        api.ApproveBody = """{"message":"Job already approved."}""";

        var run = Run(token: "secret-token");

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("deploy_gate was approved already");
    }

    [Fact]
    public void Succeeds_without_posting_when_the_gate_is_no_longer_on_hold()
    {
        api.GateStatus = "success";

        var run = Run(token: "secret-token");

        run.ExitCode.Should().Be(0, run.Output);
        api.Calls.Should().NotContain(c => c.Method == "POST");
    }

    [Fact]
    public void Fails_clearly_without_a_token_and_calls_nothing()
    {
        var run = Run(token: null);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("$CIRCLE_TOKEN is not set").And.Contain("personal API token");
        api.Calls.Should().BeEmpty();
    }

    [Fact]
    public void Fails_clearly_when_the_workflow_has_no_such_gate()
    {
        var run = Run(token: "secret-token", gate: "other_gate");

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain($"workflow {WorkflowId} has no job named other_gate");
        api.Calls.Should().NotContain(c => c.Method == "POST");
    }

    [Fact]
    public void Fails_when_the_api_refuses_the_approval()
    {
        api.ApproveStatus = 403;
        api.ApproveBody = """{"message":"Permission denied"}""";

        var run = Run(token: "secret-token");

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("failed with HTTP 403").And.Contain("Permission denied");
    }

    private (int ExitCode, string Output) Run(string? token, string gate = "deploy_gate")
    {
        var script = Path.Combine(Path.GetTempPath(), $"automated-approval-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, ScriptFromRenderedConfig());
        try
        {
            var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment.Remove("CIRCLE_TOKEN");
            start.Environment["CIRCLECI_API_URL"] = api.BaseUrl;
            start.Environment["CIRCLE_WORKFLOW_ID"] = WorkflowId;
            start.Environment["CIGEN_GATE"] = gate;
            start.Environment["CIGEN_TOKEN_VARIABLE"] = "CIRCLE_TOKEN";
            if (token is not null)
            {
                start.Environment["CIRCLE_TOKEN"] = token;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit(30_000).Should().BeTrue("the script ends");
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string ScriptFromRenderedConfig()
    {
        var text = Render.Jobs(G.Job("staging", G.Run("x")), G.Job("deploy", G.Run("./deploy")) with { RequiresAny = ["staging"] });
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var command = (YamlMappingNode)((YamlMappingNode)root["commands"])["automated_approval"];
        var run = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)command["steps"])[0])["run"];
        return ((YamlScalarNode)run["command"]).Value!;
    }

    /// <summary>The two endpoints the script uses, answering as CircleCI does, with the jobs listed over two pages.</summary>
    private sealed class FakeApi : IDisposable
    {
        private readonly HttpListener listener;
        private readonly List<(string Method, string Path, string? Token)> calls = [];
        private readonly Task serving;

        public FakeApi()
        {
            // A free port is only free until someone takes it: tests running beside this one (servers on port 0 too)
            // can take it between the probe and the bind, so a port that is gone by then is tried again with another.
            for (var attempt = 1; ; attempt++)
            {
                using (var probe = new TcpListener(IPAddress.Loopback, 0))
                {
                    probe.Start();
                    BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
                    probe.Stop();
                }

                listener = new HttpListener();
                listener.Prefixes.Add(BaseUrl + "/");
                try
                {
                    listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 10)
                {
                    // Nothing was bound; closing looks the taken port up again and may throw the same error.
                    try
                    {
                        listener.Close();
                    }
                    catch (HttpListenerException)
                    {
                    }
                }
            }

            serving = Task.Run(Serve);
        }

        public string BaseUrl { get; }

        public string GateStatus { get; set; } = "on_hold";

        public int ApproveStatus { get; set; } = 202;

        public string ApproveBody { get; set; } = """{"message":"Accepted."}""";

        public IReadOnlyList<(string Method, string Path, string? Token)> Calls
        {
            get
            {
                lock (calls)
                {
                    return [.. calls];
                }
            }
        }

        public void Dispose()
        {
            // Close alone: after Stop has released the port, .NET's managed listener looks the endpoint up again while
            // closing, binding the port anew — which fails with "Address already in use" once a parallel test took it.
            listener.Close();
            try
            {
                serving.Wait(5_000);
            }
            catch (AggregateException)
            {
            }
        }

        private async Task Serve()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var request = context.Request;
                var path = request.Url!.PathAndQuery;
                lock (calls)
                {
                    calls.Add((request.HttpMethod, path, request.Headers["Circle-Token"]));
                }

                var (status, body) = (request.HttpMethod, path) switch
                {
                    ("GET", $"/workflow/{WorkflowId}/job") =>
                        (200, """{"items":[{"name":"staging","type":"build","status":"success","id":"j1"}],"next_page_token":"page-2"}"""),
                    ("GET", $"/workflow/{WorkflowId}/job?page-token=page-2") =>
                        (200, $$"""{"items":[{"name":"deploy_gate","type":"approval","status":"{{GateStatus}}","approval_request_id":"req-42","id":"j2"}],"next_page_token":null}"""),
                    ("POST", $"/workflow/{WorkflowId}/approve/req-42") => (ApproveStatus, ApproveBody),
                    _ => (404, """{"message":"Not found"}"""),
                };
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
