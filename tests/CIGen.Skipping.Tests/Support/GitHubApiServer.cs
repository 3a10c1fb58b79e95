using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CIGen.Testing;

namespace CIGen.Skipping.Tests.Support;

/// <summary>
/// tests/servers/github-api.mjs on a free 127.0.0.1 port: the cache-listing endpoint of GitHub's REST API, answering
/// from entries a test sets (<see cref="Holds"/>), and logging every request (<see cref="Requests"/>).
/// </summary>
public sealed partial class GitHubApiServer : IDisposable
{
    public const string Token = "ghs_test";

    private readonly ServerProcess server;
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("cigen-github-api-");

    public GitHubApiServer()
    {
        var node = Tools.Require("node", "`apt-get install -y nodejs npm`");
        Tools.Require("curl", "`apt-get install -y curl`");
        Holds([]);
        File.WriteAllText(LogFile, "");
        server = new ServerProcess(
            node,
            [Path.Combine(RepositoryPaths.Root, "tests", "servers", "github-api.mjs"), StateFile, LogFile],
            line => Listening().Match(line) is { Success: true } m ? m.Groups[1].Value : null);
        Url = $"http://127.0.0.1:{server.ReadyValue}";
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, GitHub's GITHUB_API_URL.</summary>
    public string Url { get; }

    private string StateFile => Path.Combine(data.FullName, "state.json");

    private string LogFile => Path.Combine(data.FullName, "requests.log");

    /// <summary>The cache holds these entries, newest first; with <paramref name="forbidden"/> every listing is refused (403).</summary>
    public void Holds(IEnumerable<(string Key, string Ref)> entries, bool forbidden = false)
    {
        var list = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject { ["key"] = e.Key, ["ref"] = e.Ref })]);
        File.WriteAllText(StateFile, new JsonObject { ["token"] = Token, ["forbidden"] = forbidden, ["entries"] = list }.ToJsonString());
        File.WriteAllText(LogFile, "");
    }

    /// <summary>Every request since the last <see cref="Holds"/>: path and query.</summary>
    public IReadOnlyList<string> Requests => File.ReadAllLines(LogFile);

    public void Dispose()
    {
        server.Dispose();
        data.Delete(recursive: true);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
