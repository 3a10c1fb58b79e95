using System.Net;
using System.Net.Sockets;

namespace CIGen.Skipping.Tests.Support;

/// <summary>Finds the programs the tests need, failing with what to install rather than skipping.</summary>
internal static class Tools
{
    public static string Require(string name, string install)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"`{name}` is not on PATH; these tests need it. Install it: {install} (.ci/run does).");
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
