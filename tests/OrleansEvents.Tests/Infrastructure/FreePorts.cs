using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on, for the Orleans silo and gateway of each silo a test starts.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c>, each free.</summary>
    public static Dictionary<string, string?> ForSilo() => new()
    {
        ["Orleans:SiloPort"] = Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(CultureInfo.InvariantCulture),
    };
}
