using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>Many threads recording at once: every event arrives, once.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class BurstTests(LoopbackSilo silo)
{
    [Fact]
    public async Task ABurstOf50000EventsFrom16ThreadsArrivesCompleteAndUnduplicated()
    {
        const int Threads = 16;
        const int PerThread = 3125;
        var eventType = StoredEvents.UniqueType("burst");
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o => o.QueueCapacity = Threads * PerThread);

        var callers = Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                _ = client.Recorder.InfoAsync(eventType, $"burst-{i % 50}", new { N = (thread * PerThread) + i });
            }
        }));
        await Task.WhenAll(callers);
        await client.FlushAsync(TimeSpan.FromMinutes(2));

        var stored = await client.Reader.AllAsync(new EventFilter { EventType = eventType });
        Assert.Equal(Threads * PerThread, stored.Count);
        Assert.Equal(Enumerable.Range(0, Threads * PerThread), stored.Select(e => e.Context!.Value.GetProperty("n").GetInt32()).Order());
        Assert.Equal(stored.Count, stored.Select(e => e.EventId).Distinct().Count());
        Assert.Equal((0L, (long)Threads * PerThread), (client.Counts.Dropped, client.Counts.Sent));
    }
}
