using Microsoft.Extensions.Logging.Abstractions;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The live session against a feed whose notifications the test publishes by hand, so the orderings
/// that real timing only sometimes produces happen every time.
/// </summary>
public sealed class LiveSessionTests(SqliteEventLogFixture store) : IClassFixture<SqliteEventLogFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _tenant = TestEvents.Tenant();

    [Fact]
    public async Task EventsTheCatchUpReadAheadOfTheFeedAreNotSentAgainWhenTheyArriveLive()
    {
        var streams = new ManualStreamProvider();
        var feed = new LiveFeed(streams, store.Log, NullLogger<LiveFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        var start = await store.Log.GetLogEndAsync();

        // Committed, but not yet published by the tailer: only the catch-up can see them.
        var early = await store.Log.AppendAsync(_tenant, [TestEvents.New(leadId: "ahead"), TestEvents.New(leadId: "ahead")]);
        var sink = new DirectRecordingSink(acceptBeforeRefusing: int.MaxValue);
        using var stop = new CancellationTokenSource();
        var run = new LiveSession(feed, store.Log).RunAsync(_tenant, new EventFilter { LeadId = "ahead" }, start, 100, sink, stop.Token);
        await sink.WaitForAsync(2, Wait);
        await WaitUntilDirectAsync(sink);

        // Now the tailer catches up and publishes them, then a new one.
        var stream = streams.GetStream<LogNotification>(LogStream.Namespace, LogStream.Key);
        foreach (var appended in early)
        {
            await stream.PublishAsync(new LogNotification(NotificationKind.Committed, appended.Event));
        }

        var later = await store.Log.AppendAsync(_tenant, [TestEvents.New(leadId: "ahead")]);
        await stream.PublishAsync(new LogNotification(NotificationKind.Committed, later[0].Event));
        await sink.WaitForAsync(3, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal([early[0].Event.Id, early[1].Event.Id, later[0].Event.Id], sink.EventIds);
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
