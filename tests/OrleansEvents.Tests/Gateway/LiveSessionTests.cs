using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Streams;
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

    [Fact]
    public async Task ABurstWhileTheFeedIsHeldUpWaitsForItAndArrivesOnceInOrderWithoutResync()
    {
        // The runtime stream buffers two notifications for the feed; beyond that it holds the publisher.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        await using var streams = new LocalStreamProvider(
            Options.Create(new StreamOptions { SubscriberBufferCapacity = 2 }), new RuntimeMetrics(services.GetRequiredService<IMeterFactory>()),
            NullLogger<LocalStreamProvider>.Instance);
        var feed = new LiveFeed(streams, store.Log, NullLogger<LiveFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        var sink = new GatedDirectSink();
        using var stop = new CancellationTokenSource();
        var session = new LiveSession(feed, store.Log);
        var subscriber = session.Open(_tenant, new EventFilter { LeadId = "burst" }, 100);
        var run = session.RunAsync(subscriber, null, sink, stop.Token);
        await WaitUntilAsync(() => subscriber.IsDirect);
        var stream = streams.GetStream<LogNotification>(LogStream.Namespace, LogStream.Key);

        // The feed's first write is stuck while the tailer publishes a burst ten times its buffer.
        var burst = await store.Log.AppendAsync(_tenant, Enumerable.Range(0, 20).Select(_ => TestEvents.New(leadId: "burst")).ToList());
        await stream.PublishAsync(new LogNotification(NotificationKind.Committed, burst[0].Event));
        await sink.Holding.WaitAsync(Wait);
        var publishing = Task.Run(async () =>
        {
            foreach (var appended in burst.Skip(1))
            {
                await stream.PublishAsync(new LogNotification(NotificationKind.Committed, appended.Event));
            }
        });

        var heldWhileStuck = !publishing.IsCompleted;
        sink.Open();
        await publishing.WaitAsync(Wait);
        await sink.WaitForAsync(burst.Count, Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.True(heldWhileStuck);
        Assert.Equal(burst.Select(a => a.Event.Id), sink.EventIds);
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
