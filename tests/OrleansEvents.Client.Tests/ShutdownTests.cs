using OrleansEvents.Client.Sending;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>Stopping the host sends what is queued, within <c>ShutdownTimeout</c>; what cannot go is counted.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class ShutdownTests(LoopbackSilo silo)
{
    [Fact]
    public async Task StoppingTheHostSendsWhatIsStillQueued()
    {
        var eventType = StoredEvents.UniqueType("shutdown");
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2000; i++)
        {
            _ = client.Recorder.InfoAsync(eventType, payload: new { N = i });
        }

        await client.StopAsync();

        Assert.Equal((2000L, 0L), (client.Counts.Sent, client.Counts.Dropped));
        await using var reader = await ClientHost.StartAsync(silo.Endpoint);
        Assert.Equal(2000, (await reader.Reader.AllAsync(new EventFilter { EventType = eventType })).Count);
    }

    [Fact]
    public async Task WhatCannotBeSentBeforeTheShutdownTimeIsDroppedAndCounted()
    {
        var unused = OrleansEvents.Tests.Infrastructure.FreePorts.Next();
        await using var client = await ClientHost.StartAsync(new Uri($"http://127.0.0.1:{unused}"), o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 10; i++)
        {
            _ = client.Recorder.ErrorAsync("shutdown.unsent");
        }

        await client.StopAsync();
        var droppedAtStop = client.Counts.DroppedFor(DropReasons.Shutdown);
        var late = client.Recorder.ErrorAsync("shutdown.after_stop");

        Assert.True(late.IsCompletedSuccessfully);
        Assert.Equal((10L, 11L, 0L), (droppedAtStop, client.Counts.DroppedFor(DropReasons.Shutdown), client.Counts.Sent));
    }
}
