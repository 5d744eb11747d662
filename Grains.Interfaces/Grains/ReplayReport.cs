using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>
/// A replay's count and state. <see cref="EventsPlanned"/> is what the cap lets through of <see cref="EventsFound"/>.
/// A dry run lists the first matches in <see cref="Sample"/> and replays nothing.
/// </summary>
[GenerateSerializer]
[Alias("oe.ReplayReport")]
[Immutable]
public sealed record ReplayReport(
    [Id(0)] string? ReplayId,
    [Id(1)] bool DryRun,
    [Id(2)] long EventsFound,
    [Id(3)] long EventsPlanned,
    [Id(4)] long EventsReplayed,
    [Id(5)] long EventsFailed,
    [Id(6)] ReplayState State,
    [Id(7)] IReadOnlyList<StoredEvent> Sample);
