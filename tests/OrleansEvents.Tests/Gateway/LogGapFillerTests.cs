using Microsoft.Extensions.Logging.Abstractions;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// Messages the stream lost (a silo died with them) come from the log before the next one, or once the
/// stream has been quiet when nothing came after them, and messages the stream repeats (a log reader
/// resumed elsewhere) are dropped; every ordering handed over by the test, so it happens every time.
/// </summary>
public sealed class LogGapFillerTests(SqliteEventLogFixture store) : IClassFixture<SqliteEventLogFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _tenant = TestEvents.Tenant();

    [Fact]
    public async Task EventsLostBeforeAMessageAreReadFromTheLogAndHandedOutFirstInLogOrder()
    {
        var (feed, gaps, subscriber) = await StartAsync();
        var stored = (await store.Log.AppendAsync(_tenant, Enumerable.Range(0, 5).Select(_ => TestEvents.New(leadId: "gap")).ToList()))
            .Select(a => a.Event).ToList();

        // Only the last one arrives; the four before it were lost on the way.
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[4]) { Previous = stored[3].Position });

        Assert.Equal(stored.Select(e => e.Id), await ReadAsync(subscriber, 5));
        Assert.Equal(1, gaps.GapsFilled);
    }

    [Fact]
    public async Task EventsPublishedAgainAfterTheReaderResumedAreDroppedWithoutAGapFill()
    {
        var (feed, gaps, subscriber) = await StartAsync();
        var stored = (await store.Log.AppendAsync(_tenant, Enumerable.Range(0, 3).Select(_ => TestEvents.New(leadId: "gap")).ToList()))
            .Select(a => a.Event).ToList();
        var previous = feed.Last;
        foreach (var each in stored)
        {
            await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, each) { Previous = previous });
            previous = each.Position;
        }

        // The reader resumed from a cursor stored before the last two and publishes them again.
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[1]) { Previous = stored[0].Position });
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[2]) { Previous = stored[1].Position });
        var next = (await store.Log.AppendAsync(_tenant, [TestEvents.New(leadId: "gap")]))[0].Event;
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, next) { Previous = stored[2].Position });

        Assert.Equal(stored.Append(next).Select(e => e.Id), await ReadAsync(subscriber, 4));
        Assert.False(subscriber.Reader.TryRead(out _));
        Assert.Equal(0, gaps.GapsFilled);
    }

    [Fact]
    public async Task EventsLostAtTheTailAreReadFromTheLogOnceTheStreamHasBeenQuiet()
    {
        var (feed, gaps, subscriber) = await StartAsync();
        var stored = (await store.Log.AppendAsync(_tenant, Enumerable.Range(0, 3).Select(_ => TestEvents.New(leadId: "gap")).ToList()))
            .Select(a => a.Event).ToList();

        // The first arrives; the two after it were lost with a silo, and no later message reveals them.
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[0]) { Previous = feed.Last });
        Assert.Equal([stored[0].Id], await ReadAsync(subscriber, 1));
        await gaps.CatchUpWithLogEndAsync(quietFor: TimeSpan.FromHours(1));
        Assert.False(subscriber.Reader.TryRead(out _));

        await gaps.CatchUpWithLogEndAsync(quietFor: TimeSpan.Zero);
        Assert.Equal(stored.Skip(1).Select(e => e.Id), await ReadAsync(subscriber, 2));
        Assert.Equal(1, gaps.GapsFilled);

        // Caught up: a quiet log costs a look at its end and fills nothing; late copies of the filled events are dropped.
        await gaps.CatchUpWithLogEndAsync(quietFor: TimeSpan.Zero);
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[1]) { Previous = stored[0].Position });
        await gaps.DeliverAsync(new LogNotification(NotificationKind.Committed, stored[2]) { Previous = stored[1].Position });
        Assert.False(subscriber.Reader.TryRead(out _));
        Assert.Equal(1, gaps.GapsFilled);
    }

    private async Task<(LiveFeed Feed, LogGapFiller Gaps, LiveSubscriber Subscriber)> StartAsync()
    {
        var feed = new LiveFeed();
        var gaps = new LogGapFiller(feed, () => new StoreQueries(store.Log), NullLogger.Instance);
        gaps.HistoryEndsAt(await store.Log.GetLogEndAsync());
        return (feed, gaps, feed.Subscribe(_tenant, new EventFilter { LeadId = "gap" }, 100));
    }

    private static async Task<List<long>> ReadAsync(LiveSubscriber subscriber, int count)
    {
        using var deadline = new CancellationTokenSource(Wait);
        var ids = new List<long>();
        while (ids.Count < count)
        {
            ids.Add((await subscriber.Reader.ReadAsync(deadline.Token)).Event.Id);
        }

        return ids;
    }
}
