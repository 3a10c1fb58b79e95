using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary><c>- name: {argument: value}</c>: a command of the config's <c>commands:</c>, used with arguments.</summary>
internal sealed record CommandInvocation(string Command, IReadOnlyList<(string Name, YamlScalar Value)> Arguments) : ConfigStep
{
    public override YamlNode ToYaml()
    {
        var arguments = new YamlMapping();
        foreach (var (name, value) in Arguments)
        {
            arguments.Add(name, value);
        }

        return Keyed(Command, arguments);
    }

    public override ConfigStep MapText(Func<string, string> map) =>
        this with { Arguments = [.. Arguments.Select(a => (a.Name, (YamlScalar)YamlStrings.Map(a.Value, map)))] };
}
