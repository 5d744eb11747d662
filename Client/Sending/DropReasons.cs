namespace OrleansEvents.Client.Sending;

/// <summary>Why an event was given up: the <c>reason</c> tag of <see cref="ClientMetrics.Dropped"/>.</summary>
public static class DropReasons
{
    /// <summary>The queue was full, and this was its oldest event.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>The event breaks a rule of the store (or could not be built, e.g. a payload that does not serialize); sending it again cannot help.</summary>
    public const string Rejected = "rejected";

    /// <summary>The host stopped, and the event was not sent within <see cref="Hosting.OrleansEventsOptions.ShutdownTimeout"/>, or came after the stop.</summary>
    public const string Shutdown = "shutdown";
}
