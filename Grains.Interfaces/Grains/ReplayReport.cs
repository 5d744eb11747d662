using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>A replay's count and state. A dry run lists the first matches in <see cref="Sample"/> and replays nothing.</summary>
public sealed record ReplayReport(
    string? ReplayId,
    bool DryRun,
    long EventsFound,
    long EventsReplayed,
    long EventsFailed,
    ReplayState State,
    IReadOnlyList<StoredEvent> Sample);
