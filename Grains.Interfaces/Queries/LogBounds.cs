using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// What a store has handed out so far: transaction ids below <paramref name="NextTransactionId"/> and
/// event ids up to <paramref name="HighestId"/>, deleted events included. Both only grow, so a cursor
/// beyond them was never a position of this store: it comes from another, recreated or restored one.
/// </summary>
[GenerateSerializer]
[Alias("oe.LogBounds")]
[Immutable]
public sealed record LogBounds([Id(0)] ulong NextTransactionId, [Id(1)] long HighestId)
{
    public bool Admits(LogPosition cursor) => cursor.TransactionId < NextTransactionId && cursor.Id <= HighestId;
}
