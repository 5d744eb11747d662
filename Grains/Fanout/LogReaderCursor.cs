using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>The log reader's grain state: where it had published up to, and when that was stored.</summary>
[GenerateSerializer]
[Alias("oe.LogReaderCursor")]
public sealed class LogReaderCursor
{
    [Id(0)]
    public ulong TransactionId { get; set; }

    [Id(1)]
    public long Id { get; set; }

    [Id(2)]
    public DateTimeOffset SavedAt { get; set; }

    public LogPosition Position => new(TransactionId, Id);
}
