using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;

namespace CIGen.Skipping.Tests.EndToEnd;

public sealed class S3SkipDecisionTests(S3Server s3) : SkipDecisionScenarios, IClassFixture<S3Server>
{
    protected override MarkerBackend Backend => MarkerBackend.S3;

    protected override IReadOnlyDictionary<string, string> Settings => BackendSettings.S3(s3);

    protected override (IDisposable Server, IReadOnlyDictionary<string, string> Settings) StartOwnServer()
    {
        var own = new S3Server();
        return (own, BackendSettings.S3(own));
    }

    protected override IReadOnlyDictionary<string, string> WrongPort() => BackendSettings.S3($"http://127.0.0.1:{Tools.FreePort()}");
}
