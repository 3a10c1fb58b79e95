using CIGen.Core.Output;

namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every returned path is relative to the output root, '/'-separated, without '.', '..' or empty segments, not
/// absolute, and returned once, and every file has content: judged by the very check <c>cigen generate</c> runs
/// before it writes anything (<see cref="OutputAssembler"/>), so the evidence is the error a user would see.
/// </summary>
internal sealed class OutputPathsRule : ConformanceRule
{
    public override string Name => "paths-inside-root";

    public override RuleVerdict Judge(Observations seen)
    {
        var problems = new List<string>();
        foreach (var runs in seen.Runs)
        {
            if (Evidence.FirstResult(runs, problems) is not { Files: { } files })
            {
                continue;
            }

            var config = runs.Sample.Config;
            var assembled = OutputAssembler.Assemble([new ProviderFiles(seen.Provider.Name, files)], config.Location.Root, config.Graph.ConfigSource);
            problems.AddRange(assembled.Errors.Select(e => $"sample '{runs.Sample.Name}': {e.Message}"));
        }

        return RuleVerdict.Of(problems);
    }
}
