using System.Net;
using System.Net.Sockets;
using OrleansEvents.Hosting;

namespace OrleansEvents.Silo;

/// <summary>
/// Checks before the silo starts that Orleans' ports are free: Orleans would find out only halfway
/// through its start, log the failure with stack traces, and leave the host to abort.
/// </summary>
internal static class OrleansPorts
{
    /// <exception cref="PortInUseException">One of them is taken.</exception>
    public static void EnsureFree(OrleansOptions options)
    {
        EnsureFree(options.AdvertisedAddress, options.SiloPort, "Orleans:SiloPort");
        if (options.GatewayPort != 0)
        {
            EnsureFree(options.AdvertisedAddress, options.GatewayPort, "Orleans:GatewayPort");
        }
    }

    private static void EnsureFree(IPAddress address, int port, string setting)
    {
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PortInUseException($"{setting} {port} is in use on {address}: give it a free port (e.g. --{setting}={port + 1}).");
        }
    }
}
