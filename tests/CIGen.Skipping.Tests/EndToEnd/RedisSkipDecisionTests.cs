using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.Skipping.Tests.EndToEnd;

public sealed class RedisSkipDecisionTests(RedisServer redis) : SkipDecisionScenarios, IClassFixture<RedisServer>
{
    protected override MarkerBackend Backend => MarkerBackend.Redis;

    protected override IReadOnlyDictionary<string, string> Settings => BackendSettings.Redis(redis);

    protected override (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer()
    {
        var own = new RedisServer();
        return (own, BackendSettings.Redis(own));
    }

    protected override IReadOnlyDictionary<string, string> WrongPort() => BackendSettings.Redis($"redis://127.0.0.1:{Tools.FreePort()}");
}
