using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Commands;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The live session against a feed whose notifications the test hands over itself, so the orderings
/// that real timing only sometimes produces happen every time; and against a real silo's stream.
/// </summary>
public sealed class LiveSessionTests(SqliteEventLogFixture store) : IClassFixture<SqliteEventLogFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _tenant = TestEvents.Tenant();

    [Fact]
    public async Task EventsTheCatchUpReadAheadOfTheFeedAreNotSentAgainWhenTheyArriveLive()
    {
        var feed = new LiveFeed();
        var start = await store.Log.GetLogEndAsync();

        // Committed, but not yet published by the tailer: only the catch-up can see them.
        var early = await store.Log.AppendAsync(_tenant, [TestEvents.New(leadId: "ahead"), TestEvents.New(leadId: "ahead")]);
        var sink = new DirectRecordingSink(acceptBeforeRefusing: int.MaxValue);
        using var stop = new CancellationTokenSource();
        var run = new LiveSession(feed, new StoreQueries(store.Log)).RunAsync(_tenant, new EventFilter { LeadId = "ahead" }, start, 100, sink, stop.Token);
        await sink.WaitForAsync(2, Wait);
        await WaitUntilDirectAsync(sink);

        // Now the tailer catches up and publishes them, then a new one.
        foreach (var appended in early)
        {
            feed.Deliver(new LogNotification(NotificationKind.Committed, appended.Event));
        }

        var later = await store.Log.AppendAsync(_tenant, [TestEvents.New(leadId: "ahead")]);
        feed.Deliver(new LogNotification(NotificationKind.Committed, later[0].Event));
        await sink.WaitForAsync(3, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal([early[0].Event.Id, early[1].Event.Id, later[0].Event.Id], sink.EventIds);
    }

    [Fact]
    public async Task ABurstWhileTheFeedIsHeldUpIsQueuedAndArrivesOnceInOrderWithoutResync()
    {
        var directory = Directory.CreateTempSubdirectory("oe-burst-").FullName;
        await using var host = await GatewayHost.StartAsync(StorageHost.Sqlite(Path.Combine(directory, "events.db")));
        var session = host.Services.GetRequiredService<LiveSession>();
        var sink = new GatedDirectSink();
        using var stop = new CancellationTokenSource();
        var subscriber = session.Open(_tenant, new EventFilter { LeadId = "burst" }, 100);
        var run = session.RunAsync(subscriber, null, sink, stop.Token);
        await WaitUntilAsync(() => subscriber.IsDirect);

        // The feed's first write is stuck while the log reader publishes a burst twenty times its first message.
        var commands = host.Services.GetRequiredService<EventCommands>();
        var first = await commands.AppendAsync(_tenant, [TestEvents.New(leadId: "burst")]);
        await sink.Holding.WaitAsync(Wait);
        var rest = await commands.AppendAsync(_tenant, Enumerable.Range(0, 19).Select(_ => TestEvents.New(leadId: "burst")).ToList());
        var reader = host.Services.GetRequiredService<LogReaderWaker>();
        var published = rest.Max(a => a.Event.Position);
        await WaitUntilAsync(() => reader.CheckAsync().GetAwaiter().GetResult()?.Position >= published);
        var queuedWhileStuck = sink.EventIds.Count == 0;

        sink.Open();
        await sink.WaitForAsync(20, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.True(queuedWhileStuck);
        Assert.Equal(first.Concat(rest).Select(a => a.Event.Id).Order(), sink.EventIds);
        Assert.Equal(0, sink.Resyncs);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition never held.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the caught-up session has asked for its direct target.</summary>
    private static async Task WaitUntilDirectAsync(DirectRecordingSink sink)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!sink.IsDirect)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The session never went direct.");
            }

            await Task.Delay(10);
        }
    }
}
