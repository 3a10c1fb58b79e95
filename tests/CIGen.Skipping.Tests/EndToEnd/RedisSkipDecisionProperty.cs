using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;
using Xunit.Abstractions;

namespace CIGen.Skipping.Tests.EndToEnd;

public sealed class RedisSkipDecisionProperty(RedisServer redis, ITestOutputHelper output) : SkipDecisionProperty(output), IClassFixture<RedisServer>
{
    protected override MarkerBackend Backend => MarkerBackend.Redis;

    protected override IReadOnlyDictionary<string, string> Settings => BackendSettings.Redis(redis);

    protected override int Sequences => 100;
}
