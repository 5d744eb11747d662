using System.Data.Common;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Storage;

/// <summary>
/// A page of q in two steps where the dialect walks (<see cref="SqlDialect.WalksBeforeTextIndex"/>),
/// each an exact answer on its own or none. The text index finds every match (and a few candidates
/// more) and must read each before the newest can be picked: cheap for a rare q, 100 000 rows for a q in
/// one event of ten. Walking ids from the page's start reads ten rows per match of such a q, a thousand
/// for a page, but the whole log for a rare one. So the walk comes first, bounded to
/// <see cref="SearchOptions.WalkWindow"/> ids, and the index answers what the walk cannot.
/// </summary>
internal abstract partial class RelationalEventLog
{
    private async Task<List<StoredEvent>> SearchPageAsync(DbConnection connection, string tenantId, EventFilter filter, CancellationToken cancellationToken)
    {
        if (await IdSpanAsync(connection, tenantId, filter, cancellationToken) is not { } span)
        {
            return [];
        }

        // The walk covers the ids from the page's start to its edge; a full page there is the page, and
        // so is whatever it found when those were all the ids there are.
        var window = Search.WalkWindow;
        var covered = span.Length <= window;
        var walkArguments = new SqlArguments();
        var walk = EventQuerySql.WalkPage(tenantId, filter, covered ? null : span.Edge(window), Dialect, walkArguments);
        var events = await ReadEventsAsync(connection, walk, walkArguments, cancellationToken);
        return events.Count > filter.Limit || covered ? events : await ReadPageAsync(connection, tenantId, filter, cancellationToken);
    }

    /// <summary>The ids the filter's keyset bounds leave of the tenant's, from the page's start; null when none.</summary>
    private async Task<IdSpan?> IdSpanAsync(DbConnection connection, string tenantId, EventFilter filter, CancellationToken cancellationToken)
    {
        var arguments = new SqlArguments();
        await using var command = Command(connection, EventQuerySql.IdSpan(tenantId, arguments), arguments);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (await reader.IsDBNullAsync(0, cancellationToken))
        {
            return null;
        }

        var first = Math.Max(reader.GetInt64(0), filter.AfterId is { } after ? after + 1 : long.MinValue);
        var last = Math.Min(reader.GetInt64(1), filter.BeforeId is { } before ? before - 1 : long.MaxValue);
        if (first > last)
        {
            return null;
        }

        return filter.Order == SortOrder.Ascending ? new IdSpan(first, last, +1) : new IdSpan(last, first, -1);
    }

    /// <summary>Ids from <paramref name="Start"/> to <paramref name="End"/>, both included, in the page's <paramref name="Direction"/>.</summary>
    private readonly record struct IdSpan(long Start, long End, int Direction)
    {
        public long Length => Math.Abs(End - Start) + 1;

        /// <summary>The last of the first <paramref name="ids"/> ids.</summary>
        public long Edge(long ids) => Start + (Direction * (ids - 1));
    }
}
