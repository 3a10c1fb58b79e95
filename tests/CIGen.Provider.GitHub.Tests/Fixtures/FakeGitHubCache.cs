using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>
/// GitHub's Actions cache as the runtime's <c>github</c> backend lists it, for steps run in bash: a <c>curl</c> first on
/// PATH that answers a cache listing of the REST API with the keys this cache holds that start with the request's
/// <c>key=</c> prefix (page 1; later pages are empty). The real listing, its paging and its failures are tested against
/// an HTTP server in CIGen.Skipping.Tests; here only what the generated steps make of the answer matters.
/// </summary>
internal sealed class FakeGitHubCache : IDisposable
{
    private readonly DirectoryInfo bin = Directory.CreateTempSubdirectory("cigen-fake-gh-");

    public FakeGitHubCache(IEnumerable<string> keys)
    {
        File.WriteAllLines(Path.Combine(bin.FullName, "keys"), keys);
        var curl = Path.Combine(bin.FullName, "curl");
        File.WriteAllText(curl, $$"""
            #!/bin/bash
            url=${!#}
            [[ $url =~ [?\&]page=([0-9]+) ]] && page=${BASH_REMATCH[1]}
            [[ $url =~ [?\&]key=([^\&]*) ]] && prefix=${BASH_REMATCH[1]}
            printf '{"total_count":0,"actions_caches":['
            if [[ $page == 1 ]]; then
              sep=''
              while IFS= read -r key; do
                if [[ $key == "$prefix"* ]]; then printf '%s{"id":1,"key":"%s","ref":"refs/heads/main"}' "$sep" "$key"; sep=,; fi
              done < '{{bin.FullName}}/keys'
            fi
            printf ']}\n'
            """.Replace("\r", "", StringComparison.Ordinal));
        ShellRun.Run("chmod", ["+x", curl], bin.FullName).ExitCode.Should().Be(0);
    }

    /// <summary>PATH with the fake curl first.</summary>
    public string SearchPath => $"{bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}";

    /// <summary>What GitHub sets in every job and the backend reads.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["GITHUB_REPOSITORY"] = "octo/repo",
        ["GITHUB_REF"] = "refs/heads/main",
    };

    public void Dispose() => bin.Delete(recursive: true);
}
