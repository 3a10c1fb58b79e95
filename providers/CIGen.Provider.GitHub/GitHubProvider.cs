using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.GitHub;

/// <summary>
/// The GitHub Actions provider: renders each workflow of the graph to <c>.github/workflows/&lt;id&gt;.yml</c>, and
/// cigen's runtime action to <c>.github/actions/cigen/</c> when a job needs it.
/// </summary>
public sealed class GitHubProvider : IProvider
{
    public const string Name = "github";

    /// <summary>What this version renders; settings outside this list get a "not supported yet" warning.</summary>
    public static readonly IReadOnlyList<string> Capabilities =
    [
        "workflows", "triggers", "permissions", "concurrency", "env", "container", "needs", "if", "timeout",
        "checkout", "run", "uses", "commands",
    ];

    /// <remarks>The actions' files are declared too, so the host deletes them once no job calls them.</remarks>
    public ProviderDescription Describe() =>
        new(Name, Version, Capabilities, [WorkflowRenderer.DefaultDirectory + "/*.yml", RuntimeAction.ActionPath, RuntimeAction.ScriptPath, JobSetupActions.Glob]);

    public GenerateResult Generate(GenerateParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return WorkflowRenderer.Render(request);
    }

    public static string Version { get; } = ProviderVersion.Of(typeof(GitHubProvider).Assembly);
}
