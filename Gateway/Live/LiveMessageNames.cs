using OrleansEvents.Fanout;

namespace OrleansEvents.Gateway.Live;

/// <summary>The names live messages carry on SignalR (client method) and SSE (<c>event:</c> field).</summary>
public static class LiveMessageNames
{
    public const string Event = "event";
    public const string EventResolved = "eventResolved";
    public const string EventUpdated = "eventUpdated";
    public const string EventDeleted = "eventDeleted";
    public const string Replayed = "replayed";
    public const string Stats = "stats";
    public const string Resync = "resync";

    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.Committed => Event,
        NotificationKind.Resolved or NotificationKind.Unresolved => EventResolved,
        NotificationKind.Updated => EventUpdated,
        NotificationKind.Deleted => EventDeleted,
        NotificationKind.Replayed => Replayed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
