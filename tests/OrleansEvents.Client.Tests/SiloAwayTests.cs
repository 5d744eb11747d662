using System.Diagnostics;
using OrleansEvents.Client.Sending;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>The silo goes away and comes back: the caller never notices, and the queue's bound decides what is lost, visibly.</summary>
public sealed class SiloAwayTests(LoopbackSilo silo) : IClassFixture<LoopbackSilo>
{
    private static readonly TimeSpan Away = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WithTheSiloStoppedFor10SecondsNothingThrowsAndEveryEventArrivesAfterItReturns()
    {
        var eventType = StoredEvents.UniqueType("outage");
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o => o.MaxRetryDelay = TimeSpan.FromSeconds(1));
        var recorded = 0;
        void Record(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(client.Recorder.ErrorAsync(eventType, payload: new { N = recorded++ }).IsCompletedSuccessfully);
            }
        }

        Record(300);
        await silo.KillAsync();
        var away = Stopwatch.StartNew();
        while (away.Elapsed < Away)
        {
            Record(30);
            await Task.Delay(100);
        }

        await silo.StartAsync();
        Record(300);
        await client.FlushAsync(TimeSpan.FromMinutes(2));

        var stored = await client.Reader.AllAsync(new EventFilter { EventType = eventType });
        Assert.Equal(Enumerable.Range(0, recorded), stored.Select(e => e.Context!.Value.GetProperty("n").GetInt32()).Order());
        Assert.Equal(0, client.Counts.Dropped);
        Assert.True(client.Counts.Retried > 0);
    }

    [Fact]
    public async Task WithABoundOf1000AndTheSiloAwayTheDropCounterMatchesWhatWasLostAndNothingElseIs()
    {
        const int Recorded = 3000;
        var eventType = StoredEvents.UniqueType("bounded");
        await silo.KillAsync();
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o =>
        {
            o.QueueCapacity = 1000;
            o.MaxBatchSize = 100;
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
        });

        for (var i = 0; i < Recorded; i++)
        {
            _ = client.Recorder.WarnAsync(eventType, payload: new { N = i });
        }

        await silo.StartAsync();
        await client.FlushAsync(TimeSpan.FromMinutes(2));

        var arrived = (await client.Reader.AllAsync(new EventFilter { EventType = eventType }))
            .Select(e => e.Context!.Value.GetProperty("n").GetInt32()).ToList();
        var dropped = client.Counts.DroppedFor(DropReasons.QueueFull);
        Assert.Equal(Recorded - dropped, arrived.Count);
        Assert.Equal(arrived.Count, arrived.Distinct().Count());
        Assert.InRange(dropped, Recorded - 1000 - 100, Recorded - 1000);
        // The oldest went: what arrived is at most the one batch already in flight, then the newest 1 000.
        Assert.Equal(Enumerable.Range(Recorded - 1000, 1000), arrived.Order().TakeLast(1000));
        Assert.Equal(dropped, client.Counts.Dropped);
    }
}
