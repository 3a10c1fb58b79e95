namespace CIGen.Skipping.Tests.Support;

/// <summary>A real <c>redis-server</c> on a free 127.0.0.1 port, in memory only, for one test class (or one test).</summary>
public sealed class RedisServer : IDisposable
{
    private const string Install = "`apt-get install -y redis-server` (Debian/Ubuntu; it brings redis-cli)";
    private readonly ServerProcess server;

    public RedisServer()
    {
        var program = Tools.Require("redis-server", Install);
        Tools.Require("redis-cli", Install);
        Port = Tools.FreePort();
        server = new ServerProcess(
            program,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", Path.GetTempPath()],
            line => line.Contains("Ready to accept connections", StringComparison.Ordinal) ? line : null);
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>Runs <c>redis-cli</c> against the server and returns its reply, trimmed.</summary>
    public string Cli(params string[] arguments)
    {
        var result = CIGen.Testing.ShellRun.Run("redis-cli", ["-u", Url, .. arguments], Path.GetTempPath());
        result.ExitCode.Should().Be(0, result.StandardError);
        return result.Text.Trim();
    }

    public void Dispose() => server.Dispose();
}
