using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>
/// A project directory holding the inline fixture config, and a separate directory of provider scripts that
/// <c>cigen</c> finds through <c>CIGEN_PROVIDER_PATH</c> (so "nothing written" can be checked on the project alone).
/// </summary>
public abstract class CliTestBase : IDisposable
{
    protected CliTestBase()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "inline", "cigen.yml"), Project.Combine("cigen.yml"));
    }

    protected TempDirectory Project { get; } = new();

    protected TempDirectory Providers { get; } = new();

    protected Cigen.Result Run(params string[] arguments) => Run(arguments, new Dictionary<string, string?>());

    protected Cigen.Result Run(string[] arguments, Dictionary<string, string?> environment, string? workingDirectory = null)
    {
        environment.TryAdd("CIGEN_PROVIDER_PATH", Providers.Path);
        return Cigen.Run(workingDirectory ?? Project.Path, arguments, environment);
    }

    protected string Misbehaving(string mode) => ProviderFixtures.InstallMisbehaving(Providers.Path, mode);

    protected string Python(string name = "python") => ProviderFixtures.InstallPython(Providers.Path, name);

    protected void ShouldHaveWrittenNothing() => Project.Files().Should().Equal("cigen.yml");

    public void Dispose()
    {
        Project.Dispose();
        Providers.Dispose();
        GC.SuppressFinalize(this);
    }
}
