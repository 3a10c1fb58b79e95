using System.Text;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// A job's service containers. GitHub runs the health check inside the service container and starts the job's steps
/// once every service is healthy, so <c>health</c> becomes docker's <c>--health-*</c> options.
/// </summary>
internal static class ServiceRenderer
{
    public static IReadOnlyList<JobService> Render(IReadOnlyList<Service> services) =>
        [.. services.Select(s => new JobService { Name = s.Name, Image = s.Image, Env = s.Env, Ports = s.Ports, Options = HealthOptions(s.Health) })];

    public static string? HealthOptions(ServiceHealth? health)
    {
        if (health is null)
        {
            return null;
        }

        var options = new List<string> { $"--health-cmd {Quote(health.Cmd)}" };
        if (health.Interval is { } interval)
        {
            options.Add($"--health-interval {Quote(interval)}");
        }

        if (health.Timeout is { } timeout)
        {
            options.Add($"--health-timeout {Quote(timeout)}");
        }

        if (health.Retries is { } retries)
        {
            options.Add($"--health-retries {retries}");
        }

        return string.Join(' ', options);
    }

    /// <summary>
    /// One argument for the runner, which hands <c>options</c> to <c>docker create</c> as a command line split by .NET's
    /// rules: double quotes group, and backslashes are literal except before a double quote, where 2n backslashes give n
    /// and a run of 2n+1 gives n plus a literal quote. Simple values (<c>10s</c>) stay bare.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\' or '\''))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in value)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes before a quote are doubled, and the quote escaped; elsewhere they mean themselves.
            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        // Before the closing quote, backslashes are doubled so that they do not escape it.
        quoted.Append('\\', backslashes * 2).Append('"');
        return quoted.ToString();
    }
}
