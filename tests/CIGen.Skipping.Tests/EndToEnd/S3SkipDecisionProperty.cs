using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;
using Xunit.Abstractions;

namespace CIGen.Skipping.Tests.EndToEnd;

/// <summary>Fewer sequences than Redis: every aws CLI call costs about half a second.</summary>
public sealed class S3SkipDecisionProperty(S3Server s3, ITestOutputHelper output) : SkipDecisionProperty(output), IClassFixture<S3Server>
{
    protected override MarkerBackend Backend => MarkerBackend.S3;

    protected override IReadOnlyDictionary<string, string> Settings => BackendSettings.S3(s3);

    protected override int Sequences => 20;
}
