using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Config.Binding;

namespace CIGen.Core.Tests.Caching;

public class BuiltInsTests
{
    [Fact]
    public void The_embedded_file_loads_without_diagnostics()
    {
        var diagnostics = new DiagnosticBag();

        var builtIns = BuiltIns.Read(diagnostics);

        diagnostics.Items.Should().BeEmpty(string.Join("\n", diagnostics.Items.Select(d => $"{d.Line}:{d.Column} {d.Message}")));
        builtIns.CacheDefinitions.Select(d => d.Definition.Name).Should().Equal("gems", "node_modules", "pip", "uv", "pdm", "cargo", "cargo_target", "go", "go_build", "nuget");
        builtIns.VersionSources.Select(v => v.Tool).Should().Equal("ruby", "bundler", "node", "npm", "pnpm", "yarn", "bun", "python", "pip", "rust", "go", "dotnet");
        builtIns.Packages.Select(p => p.Name).Should().Equal("ruby", "node", "python", "rust", "go", "dotnet");
    }

    [Fact]
    public void Every_package_cigen_accepts_is_described_and_owns_its_default_cache()
    {
        var builtIns = BuiltIns.Default;

        builtIns.Packages.Select(p => p.Name).Should().BeEquivalentTo(PackageBinder.Known);
        foreach (var package in builtIns.Packages)
        {
            package.Detect.Should().NotBeEmpty(package.Name);
            package.Managers.Should().NotBeEmpty(package.Name);
            foreach (var manager in package.Managers)
            {
                builtIns.CacheDefinitions.Should().Contain(d => d.Definition.Name == manager.Cache && d.Package == package.Name, manager.Name);
                manager.Install.Should().NotBeEmpty(manager.Name);
            }
        }
    }

    [Fact]
    public void Conditions_in_the_data_are_ones_the_resolver_knows()
    {
        var commands = BuiltIns.Default.Packages.SelectMany(p => p.Prepare.Concat(p.Managers.SelectMany(m => m.Prepare.Concat(m.Install))));

        commands.Select(c => c.If).OfType<string>().Should().OnlyContain(c => c == "version" || c == "version_file" || c == "components");
    }

    [Fact]
    public void A_typo_in_the_data_is_reported_not_ignored()
    {
        var diagnostics = new DiagnosticBag();

        BuiltIns.Parse("x.yml", "packages:\n  ruby:\n    detect: [Gemfile]\n    manager: {}\n", diagnostics);

        diagnostics.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnknownKey);
    }
}
