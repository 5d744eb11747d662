using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public abstract partial class EventLogContract
{
    private const int Writers = 16;
    private const int AppendsPerWriter = 20;

    [Fact]
    public async Task SixteenConcurrentWritersToDistinctStreamsLoseNothing()
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await Log.AppendAsync(Tenant, [TestEvents.New(leadId: $"writer-{writer}", message: $"{writer}:{i}")]);
            }
        })));

        for (var writer = 0; writer < Writers; writer++)
        {
            var stream = await Log.ReadStreamAsync(Tenant, StreamId.Lead($"writer-{writer}"), 1, 1000);
            Assert.Equal(Enumerable.Range(1, AppendsPerWriter).Select(v => (long)v), stream.Select(e => e.Version));
            Assert.Equal(Enumerable.Range(0, AppendsPerWriter).Select(i => $"{writer}:{i}"), stream.Select(e => e.Message));
        }
    }

    [Fact]
    public async Task SixteenConcurrentWritersToOneStreamKeepVersionsGapFreeAndEachWritersOrder()
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await Log.AppendAsync(Tenant, [TestEvents.New(sessionId: "hot", message: $"{writer}:{i}", eventId: $"hot-{writer}-{i}")]);
            }
        })));

        var stream = await Log.ReadStreamAsync(Tenant, StreamId.Session("hot"), 1, 1000);
        Assert.Equal(Enumerable.Range(1, Writers * AppendsPerWriter).Select(v => (long)v), stream.Select(e => e.Version));
        Assert.Equal(Writers * AppendsPerWriter, stream.Select(e => e.EventId).Distinct().Count());
        foreach (var writerEvents in stream.GroupBy(e => e.Message.Split(':')[0]))
        {
            var order = writerEvents.Select(e => int.Parse(e.Message.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, AppendsPerWriter), order);
        }
    }

    [Fact]
    public async Task ConcurrentAppendsOfOneEventIdStoreItOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(() =>
            Log.AppendAsync(Tenant, [TestEvents.New(eventId: "contested", leadId: $"lead-{writer}")]))));

        var winners = results.Select(r => r[0]).Where(r => !r.IsDuplicate).ToList();
        Assert.Single(winners);
        Assert.All(results, r => Assert.Equal(winners[0].Event.Id, r[0].Event.Id));
        Assert.Single((await Log.QueryAsync(Tenant, new())).Events);
    }

    [Fact]
    public async Task LogReaderSeesEveryCommittedEventExactlyOnceInOrderWhileWritersRun()
    {
        var start = await LogEndAsync();
        var writing = Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await Log.AppendAsync(Tenant, [TestEvents.New(leadId: $"tail-{writer % 3}", message: $"{writer}:{i}")]);
            }
        })));

        var seen = new List<StoredEvent>();
        var position = start;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Read while writing, then until all 200 have come: on PostgreSQL any transaction open anywhere
        // in the cluster briefly holds the reader back, so an empty page does not mean "done".
        while (seen.Count < 200 && DateTime.UtcNow < deadline)
        {
            var page = await Log.ReadLogAsync(position, 37);
            Assert.All(page.Events, e => Assert.True(e.Position > position));
            seen.AddRange(page.Events.Where(e => e.TenantId == Tenant));
            position = page.Next;
            if (page.Events.Count == 0)
            {
                await Task.Delay(5);
            }
        }

        await writing;
        seen.AddRange((await Log.ReadLogAsync(position, 1000)).Events.Where(e => e.TenantId == Tenant));
        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderBy(e => e.Position).Select(e => e.Id), seen.Select(e => e.Id));
        foreach (var stream in seen.GroupBy(e => e.Stream))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.Version));
        }
    }

    [Fact]
    public async Task PagingByCursorNeitherRepeatsNorSkipsWhileWritesContinue()
    {
        var original = await Log.AppendAsync(Tenant, Enumerable.Range(0, 95).Select(i => TestEvents.New(message: $"before {i}")).ToList());
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Log.AppendAsync(Tenant, [TestEvents.New(message: "during")]);
            }
        });

        var lastOriginal = original.Max(a => a.Event.Id);
        var descending = await PageThroughAsync(new EventFilter { Limit = 10 }, page => page.NextCursor is { } next
            ? new EventFilter { Limit = 10, BeforeId = next }
            : null);
        var ascending = await PageThroughAsync(new EventFilter { Limit = 10, Order = SortOrder.Ascending }, page =>
            page.NextCursor is { } next && next < lastOriginal
                ? new EventFilter { Limit = 10, AfterId = next, Order = SortOrder.Ascending }
                : null);
        await stop.CancelAsync();
        await writing;

        var originalIds = original.Select(a => a.Event.Id).Order().ToList();
        Assert.Equal(descending.Count, descending.Distinct().Count());
        Assert.Equal(ascending.Count, ascending.Distinct().Count());
        Assert.Equal(originalIds, descending.Where(originalIds.Contains).Order());
        Assert.Equal(originalIds, ascending.Where(originalIds.Contains));
        Assert.Equal(descending.OrderDescending(), descending);
    }

    private async Task<List<long>> PageThroughAsync(EventFilter first, Func<EventPage, EventFilter?> next)
    {
        var ids = new List<long>();
        for (var filter = first; filter is not null;)
        {
            var page = await Log.QueryAsync(Tenant, filter);
            ids.AddRange(page.Events.Select(e => e.Id));
            filter = next(page);
        }

        return ids;
    }

    [Fact]
    public async Task LogEndIsAfterEverythingSettledAndBeforeWhatComesNext()
    {
        var start = await LogEndAsync();
        var earlier = (await Log.AppendAsync(Tenant, [TestEvents.New()]))[0].Event;
        await ReadUntilAsync(start, events => events.Any(e => e.Id == earlier.Id));

        var end = await Log.GetLogEndAsync();
        var later = (await Log.AppendAsync(Tenant, [TestEvents.New(message: "after the end")]))[0].Event;

        Assert.True(end >= earlier.Position);
        var fromEnd = await ReadUntilAsync(end, events => events.Any(e => e.Id == later.Id));
        Assert.DoesNotContain(fromEnd, e => e.Id == earlier.Id);
    }

    /// <summary>
    /// Reads this tenant's events from a position until <paramref name="done"/> holds. On PostgreSQL a
    /// transaction open anywhere in the cluster briefly holds the reader back, so tests wait for a
    /// condition instead of expecting one read to show everything.
    /// </summary>
    protected async Task<List<StoredEvent>> ReadUntilAsync(LogPosition from, Func<List<StoredEvent>, bool> done)
    {
        var seen = new List<StoredEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done(seen))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The log reader did not deliver the expected events; it delivered {seen.Count}.");
            var page = await Log.ReadLogAsync(from, 1000);
            seen.AddRange(page.Events.Where(e => e.TenantId == Tenant));
            from = page.Next;
            if (page.Events.Count == 0)
            {
                await Task.Delay(5);
            }
        }

        return seen;
    }

    /// <summary>The position after everything committed so far, so a test reads only what it writes.</summary>
    protected Task<LogPosition> LogEndAsync() => Log.GetLogEndAsync();
}
