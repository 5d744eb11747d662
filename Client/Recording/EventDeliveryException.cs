namespace OrleansEvents.Client.Recording;

/// <summary>An event was not stored: dropped from a full queue, refused by the store, or left over at shutdown. Thrown only with <see cref="Hosting.OrleansEventsOptions.ThrowOnFailure"/>.</summary>
public sealed class EventDeliveryException(string eventId, string reason, string message) : Exception(message)
{
    /// <summary>The <c>event_id</c> the event was given.</summary>
    public string EventId { get; } = eventId;

    /// <summary>One of <see cref="Sending.DropReasons"/>.</summary>
    public string Reason { get; } = reason;
}
