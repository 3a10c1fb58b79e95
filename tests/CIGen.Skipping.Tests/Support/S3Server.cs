using System.Text.RegularExpressions;
using CIGen.Testing;

namespace CIGen.Skipping.Tests.Support;

/// <summary>
/// A real S3-compatible server (npm <c>s3rver</c>, pinned by tests/servers/package-lock.json) on a free 127.0.0.1 port,
/// with an empty bucket <see cref="Bucket"/> in a temporary directory, for one test class (or one test).
/// </summary>
public sealed partial class S3Server : IDisposable
{
    public const string Bucket = "cigen-markers";

    /// <summary>The credentials s3rver accepts.</summary>
    public const string AccessKey = "S3RVER";

    private readonly ServerProcess server;
    private readonly DirectoryInfo data;

    public S3Server()
    {
        var node = Tools.Require("node", "`apt-get install -y nodejs npm`");
        Tools.Require("aws", "`apt-get install -y awscli` (or pip's awscli; v1 and v2 both work)");
        var script = Path.Combine(RepositoryPaths.Root, "tests", "servers", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing; run `npm ci --prefix tests/servers` (.ci/run does).");
        }

        data = Directory.CreateTempSubdirectory("cigen-s3rver-");
        // Port 0: s3rver binds a free port itself and prints it, so no other process can take it in between.
        server = new ServerProcess(
            node,
            [script, "--directory", data.FullName, "--address", "127.0.0.1", "--port", "0", "--configure-bucket", Bucket],
            line => Listening().Match(line) is { Success: true } m ? m.Groups[1].Value : null);
        Endpoint = $"http://127.0.0.1:{server.ReadyValue}";
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The environment the aws CLI needs for this server, besides the endpoint.</summary>
    public static IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = AccessKey,
    };

    public void Dispose()
    {
        server.Dispose();
        data.Delete(recursive: true);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
