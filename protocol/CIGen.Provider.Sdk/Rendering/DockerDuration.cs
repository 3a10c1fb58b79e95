using System.Globalization;
using System.Text.RegularExpressions;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>
/// Durations as docker's health options take them (Go's syntax: <c>10s</c>, <c>1m30s</c>, <c>500ms</c>), which is how
/// the config writes a service's <c>health.interval</c> and <c>health.timeout</c>.
/// </summary>
public static partial class DockerDuration
{
    /// <returns>The duration in seconds, or null when <paramref name="text"/> is not a duration docker accepts.</returns>
    public static double? Seconds(string? text)
    {
        if (text is null || !Syntax().IsMatch(text))
        {
            return null;
        }

        var total = 0.0;
        foreach (Match part in Part().Matches(text))
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            total += amount * part.Groups["unit"].Value switch
            {
                "h" => 3600,
                "m" => 60,
                "s" => 1,
                "ms" => 1e-3,
                "us" or "µs" => 1e-6,
                _ => 1e-9,
            };
        }

        return total;
    }

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:h|m|s|ms|us|µs|ns))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    [GeneratedRegex(@"(?<amount>[0-9]+(?:\.[0-9]+)?)(?<unit>ms|us|µs|ns|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
