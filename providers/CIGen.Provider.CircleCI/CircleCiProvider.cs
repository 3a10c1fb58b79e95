using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.CircleCI;

/// <summary>
/// The CircleCI provider: renders the whole graph, all workflows, to one <c>.circleci/config.yml</c> (version 2.1); with
/// <c>circleci: {dynamic: true}</c> that is a setup config, and the pipeline it continues is <c>.circleci/continue.json</c>.
/// cigen's runtime, when jobs use it, is <c>.circleci/cigen-runtime.sh</c> beside the config (<see cref="RuntimeFile"/>).
/// </summary>
public sealed class CircleCiProvider : IProvider
{
    public const string Name = "circleci";

    public static string Version { get; } = ProviderVersion.Of(typeof(CircleCiProvider).Assembly);

    /// <summary>Protocol 1 defines no capabilities (docs/protocol.md §4.1).</summary>
    public ProviderDescription Describe() =>
        new(Name, Version, [],
        [
            $"{ConfigRenderer.DefaultDirectory}/{ConfigRenderer.DefaultFileName}",
            $"{ConfigRenderer.DefaultDirectory}/{SkipContinuation.FileName}",
            RuntimeFile.PathBeside($"{ConfigRenderer.DefaultDirectory}/{ConfigRenderer.DefaultFileName}"),
        ]);

    public GenerateResult Generate(GenerateParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return ConfigRenderer.Render(request);
    }
}
