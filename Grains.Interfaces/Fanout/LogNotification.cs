using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>
/// What the silo publishes on the Orleans stream <see cref="LogStream.Namespace"/>/<see cref="LogStream.Key"/>:
/// every committed event once, in log order, and every change to a stored event. Only
/// <see cref="NotificationKind.Committed"/> notifications carry a resumable position, and the position of
/// the event the log reader published before them (<see cref="Previous"/>): a subscriber whose last
/// position is behind that missed something (a silo died with messages in flight) and reads it from the log.
/// </summary>
[GenerateSerializer]
[Alias("oe.LogNotification")]
[Immutable]
public sealed record LogNotification([Id(0)] NotificationKind Kind, [Id(1)] StoredEvent Event, [Id(2)] string? ReplayId = null)
{
    /// <summary>For a committed event: the position of the one published before it, or where the reader started.</summary>
    [Id(3)]
    public LogPosition? Previous { get; init; }

    /// <summary>Where a subscriber resumes after this notification; null for changes, which the log does not order.</summary>
    public LogPosition? Position => Kind == NotificationKind.Committed ? Event.Position : null;
}
