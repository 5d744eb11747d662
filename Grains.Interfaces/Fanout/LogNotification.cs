using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>
/// What the silo publishes on the Orleans stream <see cref="LogStream.Namespace"/>/<see cref="LogStream.Key"/>:
/// every committed event once, in log order, and every change to a stored event. Only
/// <see cref="NotificationKind.Committed"/> notifications carry a resumable position.
/// </summary>
[GenerateSerializer]
[Alias("oe.LogNotification")]
[Immutable]
public sealed record LogNotification([Id(0)] NotificationKind Kind, [Id(1)] StoredEvent Event, [Id(2)] string? ReplayId = null)
{
    /// <summary>Where a subscriber resumes after this notification; null for changes, which the log does not order.</summary>
    public LogPosition? Position => Kind == NotificationKind.Committed ? Event.Position : null;
}
