using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>A job's <c>github:</c> block is scoped to GitHub by the user: CircleCI leaves it out without a word.</summary>
public class GitHubBlockTests
{
    [Fact]
    public void The_github_block_is_ignored_silently()
    {
        var job = G.Job("deploy", G.Run("./deploy")) with
        {
            Github = new GitHubJobSettings
            {
                Permissions = new Permissions { All = "read-all" },
                Environment = new GitHubEnvironment { Name = "production", Url = "https://example.com" },
                Concurrency = new Concurrency { Group = "deploy" },
                ContinueOnError = Scalar.Boolean(true),
            },
        };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().BeEmpty();
        result.Files.Single().Content.Should().NotContain("production").And.NotContain("permissions").And.NotContain("read-all");
    }
}
