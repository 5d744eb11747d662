using Orleans.Runtime;

namespace OrleansEvents.Gateway.Problems;

/// <summary>
/// The exceptions a grain call ends with when no silo took or answered it: the silo died with the
/// call in flight, the connection to it dropped, or the call timed out. The request may be sent again;
/// an append sent again with its <c>event_id</c> is stored once.
/// </summary>
internal static class ClusterUnreachable
{
    public static bool Is(Exception exception) => exception is SiloUnavailableException
        or OrleansMessageRejectionException
        or GatewayTooBusyException
        or ClientNotAvailableException
        or TimeoutException
        || exception.GetType().FullName == "Orleans.Runtime.Messaging.ConnectionFailedException";
}
