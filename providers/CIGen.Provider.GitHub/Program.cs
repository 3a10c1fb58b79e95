using CIGen.Provider.GitHub;
using CIGen.Provider.Sdk;

return await ProviderServer.RunAsync(new GitHubProvider(), args);
