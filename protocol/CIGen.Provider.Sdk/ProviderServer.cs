namespace CIGen.Provider.Sdk;

/// <summary>Serves an <see cref="IProvider"/> on stdin/stdout until the host closes stdin.</summary>
public static class ProviderServer
{
    public static Task<int> RunAsync(IProvider provider, string[] args) => throw new NotImplementedException();
}
