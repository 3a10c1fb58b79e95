namespace CIGen.Skipping.Tests.Support;

/// <summary>The script environment for each test server.</summary>
public static class BackendSettings
{
    public static Dictionary<string, string> Redis(string url) => new() { ["CIGEN_REDIS_URL"] = url };

    public static Dictionary<string, string> Redis(RedisServer server) => Redis(server.Url);

    public static Dictionary<string, string> S3(string endpoint) => new(S3Server.Credentials)
    {
        ["CIGEN_S3_BUCKET"] = S3Server.Bucket,
        ["CIGEN_S3_REGION"] = "us-east-1",
        ["CIGEN_S3_ENDPOINT"] = endpoint,
    };

    public static Dictionary<string, string> S3(S3Server server) => S3(server.Endpoint);
}
