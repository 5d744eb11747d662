using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>Where the cluster's log reader stands, for health checks and diagnostics.</summary>
/// <param name="Position">The position after the last event published.</param>
/// <param name="LastProgressAt">When the reader last read the log successfully.</param>
/// <param name="IsStalled">No successful read for longer than <c>Events:LogReader:StallAfter</c>.</param>
/// <param name="Silo">The address of the silo the reader runs on.</param>
/// <param name="CommitsLeftToThePoll">How often the reader stopped rereading for a commit it could not read yet and left it to its poll.</param>
[GenerateSerializer]
[Alias("oe.LogReaderStatus")]
[Immutable]
public sealed record LogReaderStatus(
    [Id(0)] LogPosition Position,
    [Id(1)] DateTimeOffset LastProgressAt,
    [Id(2)] bool IsStalled,
    [Id(3)] string Silo,
    [Id(4)] long CommitsLeftToThePoll);
