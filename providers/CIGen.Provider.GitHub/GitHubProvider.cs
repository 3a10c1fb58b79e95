using System.Reflection;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;

namespace CIGen.Provider.GitHub;

/// <summary>The GitHub Actions provider: renders each workflow of the graph to <c>.github/workflows/&lt;id&gt;.yml</c>.</summary>
public sealed class GitHubProvider : IProvider
{
    public const string Name = "github";

    /// <summary>What this version renders; settings outside this list get a "not supported yet" warning.</summary>
    public static readonly IReadOnlyList<string> Capabilities =
    [
        "workflows", "triggers", "permissions", "concurrency", "env", "container", "needs", "if", "timeout",
        "checkout", "run", "uses", "commands",
    ];

    public ProviderDescription Describe() => new(Name, Version, Capabilities, [OutputPaths.DefaultDirectory + "/*.yml"]);

    public GenerateResult Generate(GenerateParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return WorkflowRenderer.Render(request);
    }

    /// <summary>The assembly's informational version without the source-revision suffix (<c>0.1.0+abc123</c> → <c>0.1.0</c>).</summary>
    public static string Version { get; } =
        (typeof(GitHubProvider).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
