using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Storage;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// Checks a store's pages of a filter against the live matcher's reading of the stored events (within
/// the filter's own keyset bounds, which the total does not heed): every page, both orders, by cursor
/// and by offset.
/// </summary>
public static class SearchPaging
{
    public static async Task AssertEveryPageAsync(IEventLog log, string tenant, EventFilter filter, IReadOnlyList<StoredEvent> stored, int limit = 3)
    {
        var matches = stored.Where(e => EventMatcher.Matches(filter, e)).ToList();
        var newestFirst = matches
            .Where(e => e.Id > (filter.AfterId ?? long.MinValue) && e.Id < (filter.BeforeId ?? long.MaxValue))
            .Select(e => e.Id).OrderDescending().ToList();
        foreach (var order in new[] { SortOrder.Descending, SortOrder.Ascending })
        {
            var expected = order == SortOrder.Descending ? newestFirst : newestFirst.AsEnumerable().Reverse().ToList();
            var byCursor = new List<long>();
            var paged = filter with { Order = order, Limit = limit, IncludeTotal = true };
            for (var pages = 0; ; pages++)
            {
                Assert.True(pages <= expected.Count, $"q={filter.Text} {order}: the cursor never ends");
                var page = await log.QueryAsync(tenant, paged);
                Assert.Equal(matches.Count, page.Total);
                byCursor.AddRange(page.Events.Select(e => e.Id));
                if (page.NextCursor is not { } cursor)
                {
                    break;
                }

                Assert.Equal(page.Events[^1].Id, cursor);
                paged = order == SortOrder.Descending ? paged with { BeforeId = cursor } : paged with { AfterId = cursor };
            }

            Assert.True(expected.SequenceEqual(byCursor), $"q={filter.Text} {order} by cursor: {string.Join(',', byCursor)} instead of {string.Join(',', expected)}");
            for (var offset = 0; offset <= expected.Count; offset += limit)
            {
                var page = await log.QueryAsync(tenant, filter with { Order = order, Limit = limit, Offset = offset });
                Assert.True(expected.Skip(offset).Take(limit).SequenceEqual(page.Events.Select(e => e.Id)), $"q={filter.Text} {order} at offset {offset}");
                Assert.Equal(offset + limit < expected.Count, page.NextCursor is not null);
            }
        }
    }
}
