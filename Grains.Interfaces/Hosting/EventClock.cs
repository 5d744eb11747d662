namespace OrleansEvents.Hosting;

/// <summary>
/// The clock the event side reads (timestamps, caches, the retention schedule, health), a keyed
/// <see cref="TimeProvider"/> that defaults to the host's. Orleans runs on the unkeyed one, so a test
/// can stop this clock without stopping the silo's membership, timers and streams.
/// </summary>
public static class EventClock
{
    public const string Key = "OrleansEvents.Clock";
}
