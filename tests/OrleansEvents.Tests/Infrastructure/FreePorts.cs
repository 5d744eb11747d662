using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on, for the Orleans silo and gateway of each silo a test starts.</summary>
public static class FreePorts
{
    // The kernel may hand a port that was just closed out again on the next bind to port 0, so a silo
    // once got the same port for HTTP and for Orleans. A port is given out once per test process.
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary><c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c>, each free.</summary>
    public static Dictionary<string, string?> ForSilo() => new()
    {
        ["Orleans:SiloPort"] = Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(CultureInfo.InvariantCulture),
    };
}
