namespace CIGen.Core.Conformance.Rules;

/// <summary>
/// Every <c>generate</c> for a sample graph is answered with a result, not an error (errors mean "provider failure";
/// problems with the config are diagnostics), and the result has both arrays, <c>files</c> and <c>diagnostics</c>,
/// without null entries.
/// </summary>
internal sealed class GenerateResultRule : ConformanceRule
{
    public override string Name => "generate-result";

    public override RuleVerdict Judge(Observations seen)
    {
        var problems = new List<string>();
        var calls = seen.Runs.SelectMany(r => new[] { r.First, r.Repeat, r.OtherProcess }).ToList();

        // Requests not sent because of an earlier failure add nothing to that failure's evidence.
        var notSent = calls.Where(c => c.Status == CallStatus.NotSent).Select(c => c.Describe()).ToList();
        foreach (var call in calls.Where(c => c.Status != CallStatus.NotSent))
        {
            if (call.Status != CallStatus.Answered)
            {
                problems.Add(call.Describe());
            }
            else if (call.Result is not { } result)
            {
                problems.Add($"{call.Label} was answered with null instead of {{files, diagnostics}}");
            }
            else if (result.Files is null || result.Diagnostics is null)
            {
                problems.Add($"{call.Label} was answered without {(result.Files is null ? "'files'" : "'diagnostics'")}; send both arrays, [] when empty");
            }
            else if (result.Files.Any(f => f is null) || result.Diagnostics.Any(d => d is null))
            {
                problems.Add($"{call.Label} was answered with a null entry in {(result.Files.Any(f => f is null) ? "'files'" : "'diagnostics'")}");
            }
        }

        return RuleVerdict.Of(problems.Count > 0 ? problems : notSent);
    }
}
