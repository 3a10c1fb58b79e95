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

    /// <summary>Runs cigen under a Python launcher that reports the peak resident memory of cigen (getrusage of its child).</summary>
    protected (Cigen.Result Result, double PeakMebibytes) Run(string[] arguments, Dictionary<string, string?> environment, bool measurePeakMemory)
    {
        if (!measurePeakMemory)
        {
            return (Run(arguments, environment), 0);
        }

        var peakFile = Providers.Combine("peak-rss-kib");
        environment.TryAdd("CIGEN_PROVIDER_PATH", Providers.Path);
        const string Launcher =
            "import resource, subprocess, sys\n" +
            "code = subprocess.run(sys.argv[2:]).returncode\n" +
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n" +
            "sys.exit(code)\n";
        var result = Cigen.Run(Project.Path, arguments, environment, ["python3", "-c", Launcher, peakFile]);
        return (result, double.Parse(File.ReadAllText(peakFile), System.Globalization.CultureInfo.InvariantCulture) / 1024);
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
