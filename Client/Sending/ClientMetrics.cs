namespace OrleansEvents.Client.Sending;

/// <summary>
/// The client's meter and instruments (System.Diagnostics.Metrics): subscribe with
/// <c>AddMeter(ClientMetrics.MeterName)</c> in OpenTelemetry, or a <c>MeterListener</c>. Counts are events.
/// </summary>
public static class ClientMetrics
{
    public const string MeterName = "OrleansEvents.Client";

    /// <summary>Events accepted into the queue.</summary>
    public const string Queued = "orleansevents.client.queued";

    /// <summary>Events the store has acknowledged (a resent event the store already had counts once more).</summary>
    public const string Sent = "orleansevents.client.sent";

    /// <summary>Events sent again after a failed send.</summary>
    public const string Retried = "orleansevents.client.retried";

    /// <summary>Events given up, tagged <c>reason</c>: see <see cref="DropReasons"/>.</summary>
    public const string Dropped = "orleansevents.client.dropped";

    /// <summary>Events waiting in the queue now.</summary>
    public const string QueueLength = "orleansevents.client.queue_length";
}
