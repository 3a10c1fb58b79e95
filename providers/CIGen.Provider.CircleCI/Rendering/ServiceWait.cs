using System.Globalization;
using System.Text;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>A TCP port a service listens on, and how long to wait for it.</summary>
internal sealed record AwaitedPort(string Service, int Port, int TimeoutSeconds);

/// <summary>
/// The "Wait for services" script. CircleCI starts a job's steps without waiting for its service containers, and a
/// step runs in the primary container, where the service's own health command (<c>pg_isready</c>) may not exist — so
/// the script waits until each port accepts connections on localhost, with bash's <c>/dev/tcp</c> and nothing else.
/// </summary>
internal static class ServiceWait
{
    public const string StepName = "Wait for services";

    private const string Function = """
        wait_for_port() {
          local service="$1" port="$2" limit="$3"
          local deadline=$((SECONDS + limit))
          until (exec 3<>"/dev/tcp/localhost/${port}") 2>/dev/null; do
            if ((SECONDS >= deadline)); then
              echo "Service ${service} did not accept connections on localhost:${port} within ${limit}s" >&2
              return 1
            fi
            sleep 1
          done
          echo "Service ${service} accepts connections on localhost:${port}"
        }

        """;

    public static string Script(IReadOnlyList<AwaitedPort> ports)
    {
        var script = new StringBuilder(Function.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var port in ports)
        {
            script.Append(CultureInfo.InvariantCulture, $"wait_for_port {SingleQuoted(port.Service)} {port.Port} {port.TimeoutSeconds}\n");
        }

        return script.ToString();
    }

    private static string SingleQuoted(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
