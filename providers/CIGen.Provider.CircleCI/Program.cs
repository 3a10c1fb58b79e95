using CIGen.Provider.CircleCI;
using CIGen.Provider.Sdk;

return await ProviderServer.RunAsync(new CircleCiProvider(), args);
