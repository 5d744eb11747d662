using System.Collections.Concurrent;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>The live subscription over the official SignalR client, across a silo restart.</summary>
public sealed class SubscriptionTests(LoopbackSilo silo) : IClassFixture<LoopbackSilo>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheLiveSubscriptionSurvivesASiloRestartWithoutGapOrDuplicate()
    {
        var lead = $"lead-live-{Guid.NewGuid():N}";
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o =>
        {
            o.ThrowOnFailure = true;
            o.BatchDelay = TimeSpan.Zero;
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
        });
        using var stop = new CancellationTokenSource();
        var received = new ConcurrentQueue<StoredEvent>();
        var reading = Task.Run(async () =>
        {
            await foreach (var stored in client.Reader.SubscribeAsync(new EventFilter { LeadId = lead }, cancellationToken: stop.Token))
            {
                received.Enqueue(stored);
            }
        });

        // The subscription has started once an event recorded after it arrives.
        await RecordUntilReceivedAsync(client, lead, received);
        await RecordAsync(client, lead, 20);
        await WaitForAsync(() => received.Count(e => e.EventType == "live.tick") >= 20);
        await silo.KillAsync();
        await silo.StartAsync();
        await RecordAsync(client, lead, 20);
        var first = received.First().Id;
        var expected = (await client.Reader.AllAsync(new EventFilter { LeadId = lead })).SkipWhile(e => e.Id != first).ToList();
        await WaitForAsync(() => received.Count >= expected.Count);
        await Task.Delay(500);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal(expected.Select(e => e.Id), received.Select(e => e.Id));
        Assert.Equal(40, received.Count(e => e.EventType == "live.tick"));
    }

    private static async Task RecordUntilReceivedAsync(ClientHost client, string lead, ConcurrentQueue<StoredEvent> received)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (received.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription never started");
            await client.Recorder.InfoAsync("live.probe", lead);
            await WaitForAsync(() => !received.IsEmpty, TimeSpan.FromSeconds(2), throwOnTimeout: false);
        }
    }

    private static async Task RecordAsync(ClientHost client, string lead, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.Recorder.InfoAsync("live.tick", lead, new { N = i });
        }
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan? timeout = null, bool throwOnTimeout = true)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Wait);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.False(throwOnTimeout, "expected events did not arrive");
                return;
            }

            await Task.Delay(20);
        }
    }
}
