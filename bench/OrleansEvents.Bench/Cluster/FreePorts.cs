using System.Net;
using System.Net.Sockets;

namespace OrleansEvents.Bench.Cluster;

/// <summary>Loopback ports nobody listens on, each given out once per run.</summary>
public static class FreePorts
{
    // The kernel may hand a port that was just closed out again on the next bind to port 0, so one
    // silo could get the same port for HTTP and for Orleans.
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
}
