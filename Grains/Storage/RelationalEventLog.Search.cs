using System.Data.Common;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Storage;

/// <summary>
/// A page of q where the dialect walks (<see cref="SqlDialect.WalksBeforeTextIndex"/>), in up to four
/// steps, each an exact page or none. The text index finds every match of a q and must read each one
/// before the newest can be picked: cheap for a rare q, 100 000 rows for a q in one event of ten.
/// Walking ids from the page's start reads ten rows per match of such a q, a thousand for a page, but
/// the whole log for a rare one. So: a short walk (<see cref="SearchOptions.NewestWindow"/>), which
/// fills a page of a common q; then, in the order the short walk's matches make likelier to answer,
/// the index while it finds no more than <see cref="SearchOptions.IndexedMatches"/> (every match of a
/// rare q) and a longer walk (<see cref="SearchOptions.LongestWalk"/>, for a q found often but not among
/// the newest); last every match from the index, for a q found often only long ago.
/// </summary>
internal abstract partial class RelationalEventLog
{
    private async Task<List<StoredEvent>> SearchPageAsync(DbConnection connection, string tenantId, EventFilter filter, CancellationToken cancellationToken)
    {
        if (await IdSpanAsync(connection, tenantId, filter, cancellationToken) is not { } span)
        {
            return [];
        }

        var (newest, answered) = await WalkAsync(connection, tenantId, filter, span, Search.NewestWindow, cancellationToken);
        if (answered)
        {
            return newest;
        }

        async Task<List<StoredEvent>?> WalkFurtherAsync()
        {
            if (Search.LongestWalk <= Search.NewestWindow)
            {
                return null;
            }

            var (events, isPage) = await WalkAsync(connection, tenantId, filter, span, Search.LongestWalk, cancellationToken);
            return isPage ? events : null;
        }

        Task<List<StoredEvent>?> FewMatchesAsync() => FewIndexedMatchesAsync(connection, tenantId, filter, cancellationToken);

        // As many matches among the newest ids as would fill a page over the longer walk, at that rate,
        // make the walk the likelier answer; fewer, the index's few matches.
        var found = newest.Count == 0 ? 0 : filter.Offset + newest.Count;
        var common = (long)found * Search.LongestWalk >= (filter.Offset + filter.Limit + 1L) * Search.NewestWindow;
        return (common ? await WalkFurtherAsync() ?? await FewMatchesAsync() : await FewMatchesAsync() ?? await WalkFurtherAsync())
               ?? await ReadPageAsync(connection, tenantId, filter, cancellationToken);
    }

    /// <summary>
    /// The matches among the first <paramref name="ids"/> ids of the span, q checked row by row, and
    /// whether they are the page: when it is full, or when those ids are the whole span.
    /// </summary>
    private async Task<(List<StoredEvent> Events, bool IsPage)> WalkAsync(
        DbConnection connection, string tenantId, EventFilter filter, IdSpan span, long ids, CancellationToken cancellationToken)
    {
        var whole = span.Length <= ids;
        var arguments = new SqlArguments();
        var sql = EventQuerySql.WalkPage(tenantId, filter, whole ? null : span.Edge(ids), Dialect, arguments);
        var events = await ReadEventsAsync(connection, sql, arguments, cancellationToken);
        return (events, events.Count > filter.Limit || whole);
    }

    /// <summary>
    /// The page, when the text index finds no more than <see cref="SearchOptions.IndexedMatches"/> matches:
    /// their ids first, then the page's rows. Null when it finds more, or when one of the page's events
    /// no longer matches by the time it is read (an edit or a delete in between).
    /// </summary>
    private async Task<List<StoredEvent>?> FewIndexedMatchesAsync(DbConnection connection, string tenantId, EventFilter filter, CancellationToken cancellationToken)
    {
        var most = Search.IndexedMatches;
        if (most == 0)
        {
            return null;
        }

        var arguments = new SqlArguments();
        var ids = new List<long>();
        await using (var command = Command(connection, EventQuerySql.MatchingIds(tenantId, filter, most, Dialect, arguments), arguments))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        if (ids.Count > most)
        {
            return null;
        }

        var inOrder = filter.Order == SortOrder.Ascending ? ids.Order() : ids.OrderDescending();
        var page = inOrder.Skip(filter.Offset).Take(filter.Limit + 1).ToList();
        if (page.Count == 0)
        {
            return [];
        }

        var pageArguments = new SqlArguments();
        var events = await ReadEventsAsync(connection, EventQuerySql.Among(tenantId, filter, page, Dialect, pageArguments), pageArguments, cancellationToken);
        return events.Count == page.Count ? events : null;
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
