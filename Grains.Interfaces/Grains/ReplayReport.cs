using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>
/// A replay's count and state. <see cref="EventsPlanned"/> is what the cap lets through of <see cref="EventsFound"/>.
/// A dry run lists the first matches in <see cref="Sample"/> and replays nothing.
/// </summary>
public sealed record ReplayReport(
    string? ReplayId,
    bool DryRun,
    long EventsFound,
    long EventsPlanned,
    long EventsReplayed,
    long EventsFailed,
    ReplayState State,
    IReadOnlyList<StoredEvent> Sample);
