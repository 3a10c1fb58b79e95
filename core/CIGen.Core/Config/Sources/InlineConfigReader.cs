namespace CIGen.Core.Config.Sources;

/// <summary>Reads a single-file config (<c>cigen.yml</c>): workflows, jobs and commands all written inline.</summary>
internal static class InlineConfigReader
{
    public static ConfigSources Read(string file, string root, DiagnosticBag diagnostics)
    {
        var files = new ConfigFiles(root, diagnostics);
        var structure = new StructureBuilder(diagnostics);
        var settings = structure.TakeInlineStructure(files.ParseMapping(file, "a mapping of config keys"));
        var (workflows, commands) = structure.Build();
        return new ConfigSources(settings, workflows, commands, [files.Relative(file)]);
    }
}
