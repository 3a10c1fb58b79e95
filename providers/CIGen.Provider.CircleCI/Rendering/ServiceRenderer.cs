using System.Globalization;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A job's services as secondary docker images, and the ports its "Wait for services" step awaits. CircleCI has no
/// container health checks and no port mapping: a service listens on its own port on the job's localhost.
/// </summary>
internal sealed class ServiceRenderer(Scope scope)
{
    /// <summary>The shortest wait for a service: a check that polls every 10ms says how often, not how long a start takes.</summary>
    public const int MinimumWaitSeconds = 60;

    public IReadOnlyList<SecondaryImage> Images(IReadOnlyList<Service> services)
    {
        foreach (var service in services)
        {
            scope.WarnAboutGitHubExpression(service.Image, $"the image of service '{service.Name}'", service.Source);
            scope.WarnAboutGitHubExpressions(service.Env, service.Source, $"service '{service.Name}'");
        }

        return [.. services.Select(s => new SecondaryImage { Image = s.Image, Name = s.Name, Environment = s.Env })];
    }

    /// <summary>Every TCP port of every service, in the order the job lists them, each once per service.</summary>
    public IReadOnlyList<AwaitedPort> Ports(IReadOnlyList<Service> services)
    {
        var awaited = new List<AwaitedPort>();
        foreach (var service in services)
        {
            // '6379' and '16379:6379/tcp' both listen on 6379; waiting twice only repeats the same check.
            var ports = service.Ports.Select(p => ContainerPort(service, p)).OfType<int>().Distinct().ToList();
            if (ports.Count == 0 && service.Health is not null)
            {
                scope.Warning(
                    DiagnosticCodes.ServicePort,
                    $"service '{service.Name}' of {scope.Description} has a health check but no TCP port; CircleCI cannot run the check "
                    + "in the service container and waits for ports instead, so the job does not wait for this service — list its port under `ports`",
                    service.Source);
            }

            awaited.AddRange(ports.Select(p => new AwaitedPort(service.Name, p, WaitSeconds(service.Health))));
        }

        return awaited;
    }

    /// <summary>
    /// <c>max(interval × retries, timeout × retries, 60 s)</c>, rounded up to whole seconds; a term whose values are not
    /// both set counts as zero. Docker gives a service <c>retries</c> checks, each up to <c>timeout</c> long and
    /// <c>interval</c> apart, so waiting less than either product would fail a service docker still deems starting.
    /// Only CircleCI needs this total: GitHub hands the same settings to docker's own <c>--health-*</c> options.
    /// </summary>
    public static int WaitSeconds(ServiceHealth? health)
    {
        var retries = health?.Retries ?? 0;
        var longestCheck = Math.Max(DockerDuration.Seconds(health?.Interval) ?? 0, DockerDuration.Seconds(health?.Timeout) ?? 0);
        return Math.Max(MinimumWaitSeconds, (int)Math.Ceiling(longestCheck * retries));
    }

    /// <summary>
    /// The port the service listens on: the last part of docker's <c>[ip:][host:]container[/protocol]</c>. A different
    /// host port is a warning, because CircleCI does not remap it; UDP ports cannot be awaited over TCP.
    /// </summary>
    private int? ContainerPort(Service service, string text)
    {
        var spec = text.Trim();
        var slash = spec.IndexOf('/', StringComparison.Ordinal);
        var protocol = slash < 0 ? "tcp" : spec[(slash + 1)..];
        var parts = (slash < 0 ? spec : spec[..slash]).Split(':');
        if (!Port(parts[^1], out var container) || (parts.Length > 1 && !Port(parts[^2], out _)) || parts.Length > 3)
        {
            scope.Warning(
                DiagnosticCodes.ServicePort,
                $"port '{text}' of service '{service.Name}' in {scope.Description} is not `port`, `host:container` or `ip:host:container`; "
                + "the job does not wait for it",
                service.Source);
            return null;
        }

        if (parts.Length > 1 && parts[^2] != parts[^1])
        {
            scope.Warning(
                DiagnosticCodes.ServicePort,
                $"port '{text}' of service '{service.Name}' in {scope.Description} maps host port {parts[^2]} to {container}, but CircleCI does "
                + $"not remap ports: the service listens on localhost:{container} — use {container} in the job, or `{container}:{container}`",
                service.Source);
        }

        return protocol == "tcp" ? container : null;
    }

    private static bool Port(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
