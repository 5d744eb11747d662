using System.Text.Json.Nodes;
using Orleans.Runtime;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;
using StreamId = OrleansEvents.Events.StreamId;

namespace OrleansEvents.Tests.Cluster;

/// <summary>What Orleans must give the product once there are two silos: one activation per grain, one reminder tick, lasting state.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class TwoSiloTests(TwoSiloCluster cluster)
{
    private readonly string _tenant = TestEvents.Tenant();

    [Fact]
    public async Task AppendsAndResolvesThroughBothSilosMeetOneActivationOfTheStreamGrain()
    {
        var stream = StreamId.Lead("both-silos");
        var throughFirst = cluster.GrainsOf(0).For(_tenant, stream);
        var throughSecond = cluster.GrainsOf(1).For(_tenant, stream);

        var first = await throughFirst.AppendAsync(TestEvents.New("send.failed", "error", leadId: "both-silos"));
        var second = await throughSecond.AppendAsync(TestEvents.New("send.failed", "error", leadId: "both-silos"));
        await throughSecond.ResolveAsync([first.Event.Id], ResolvedBy.Human);

        Assert.Equal([1L, 2L], [first.Event.Version, second.Event.Version]);
        var summary = await throughFirst.GetSummaryAsync();
        Assert.Equal((2L, 2L, 1L), (summary.Version, summary.Total, summary.Unresolved));
        var problems = await throughFirst.GetUnresolvedAsync();
        Assert.Equal([second.Event.Id], problems.Newest.Select(p => p.Id));

        var management = cluster.GrainsOf(0).GetGrain<IManagementGrain>(0);
        var activations = await management.GetDetailedGrainStatistics();
        Assert.Single(activations, a => a.GrainId.Type.ToString() == "events.lead" && a.GrainId.Key.ToString() == StreamGrainKey.Of(_tenant, stream));
    }

    [Fact]
    public async Task AnEventsContextCrossesBetweenSilosIntact()
    {
        const string Context = """{"order":{"id":123,"lines":[1,2.5,"x",null,true]},"note":"ü ☃ \u0007","empty":{},"deep":[[[{}]]]}""";
        var stream = StreamId.Session("context");

        // The grain lives on one of the two silos: through the other, the event and the answer are serialized.
        var appended = new List<AppendedEvent>();
        foreach (var silo in new[] { 0, 1 })
        {
            appended.Add(await cluster.GrainsOf(silo).For(_tenant, stream).AppendAsync(TestEvents.New(sessionId: "context", contextJson: Context)));
        }

        var readBack = await cluster.GrainsOf(1).For(_tenant, stream).ReadAsync(1, 10);
        var expected = JsonNode.Parse(Context);
        Assert.All(appended.Select(a => a.Event).Concat(readBack), stored => Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(stored.Context!.Value.GetRawText()))));
        Assert.Equal(2, readBack.Count);
    }

    [Fact]
    public async Task TheRetentionReminderRunsOncePerDayAcrossBothSilos()
    {
        var now = cluster.Clock.GetUtcNow();
        await cluster.GrainsOf(0).For(_tenant, StreamId.Lead("old")).AppendBatchAsync(
        [
            TestEvents.New(leadId: "old", timestamp: now.AddDays(-40)),
            TestEvents.New(leadId: "old", timestamp: now.AddDays(-35)),
        ]);

        // 12:00 now; the reminder ticks every second on whichever silo owns it, and 02:00 comes in 14 hours.
        cluster.Clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1));
        var firstDay = await WaitForRunsAsync(1);
        await WaitForTicksAsync(3);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        var secondDay = await WaitForRunsAsync(2);
        await WaitForTicksAsync(3);

        var runs = await RunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(2, Assert.Single(firstDay).Context!.Value.GetProperty("deleted").GetInt64());
        Assert.Equal(
            [new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero)],
            runs.Select(r => r.Context!.Value.GetProperty("scheduled_at").GetDateTimeOffset()).Order());
        Assert.Equal(2, secondDay.Count);
    }

    [Fact]
    public async Task AReplaysProgressOutlivesItsActivation()
    {
        var stream = StreamId.Device("replayed");
        await cluster.GrainsOf(0).For(_tenant, stream).AppendBatchAsync(
            Enumerable.Range(0, 5).Select(_ => TestEvents.New(deviceId: "replayed")).ToList());
        var replay = cluster.GrainsOf(1).GetGrain<IReplayGrain>(_tenant);
        var report = await replay.ReplayAsync(new ReplayRequest { DeviceId = "replayed" }, "ops");

        await cluster.Cluster.DeactivateAsync(replay);
        var progress = await cluster.GrainsOf(0).GetGrain<IReplayGrain>(_tenant).GetProgressAsync(report.ReplayId!);

        Assert.NotNull(progress);
        Assert.Equal((ReplayState.Completed, 5L, 5L), (progress.State, progress.EventsFound, progress.EventsReplayed));
    }

    private async Task<List<StoredEvent>> RunsAsync() =>
        (await cluster.Log.QueryAsync("default", new EventFilter { EventType = "retention.cleanup_completed" })).Events.ToList();

    private async Task<List<StoredEvent>> WaitForRunsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var runs = await RunsAsync();
            if (runs.Count >= count)
            {
                return runs;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} retention runs, saw {runs.Count}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Real time for a few of the reminder's one-second ticks: the ticks come on Orleans' clock, not the test's.</summary>
    private static Task WaitForTicksAsync(int ticks) => Task.Delay(TimeSpan.FromSeconds(ticks));
}
