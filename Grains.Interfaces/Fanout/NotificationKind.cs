namespace OrleansEvents.Fanout;

[GenerateSerializer]
[Alias("oe.NotificationKind")]
public enum NotificationKind
{
    /// <summary>A new event, committed to the log.</summary>
    Committed,

    /// <summary>An event was resolved.</summary>
    Resolved,

    /// <summary>An event was reopened.</summary>
    Unresolved,

    /// <summary>An operator edited an event.</summary>
    Updated,

    /// <summary>An operator deleted an event.</summary>
    Deleted,

    /// <summary>A stored event re-published by a replay; it was not stored again.</summary>
    Replayed,
}
