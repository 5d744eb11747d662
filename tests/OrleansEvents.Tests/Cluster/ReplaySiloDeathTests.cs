using Orleans.Runtime;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Replay;
using OrleansEvents.Tests.Infrastructure;
using StreamId = OrleansEvents.Events.StreamId;

namespace OrleansEvents.Tests.Cluster;

/// <summary>Two silos whose replays may be long enough to outlast the silo running them.</summary>
public sealed class LongReplayCluster : TwoSiloCluster
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Events:Replay:MaxEvents"] = "100000";
}

/// <summary>
/// A background replay whose silo dies is never left "running" for ever: the survivor that next
/// activates the tenant's replay grain reports it failed, with how far it got.
/// </summary>
public sealed class ReplaySiloDeathTests(LongReplayCluster cluster) : IClassFixture<LongReplayCluster>
{
    private const int Events = 30_000;

    [Fact]
    public async Task AReplayCutOffByItsSilosDeathIsReportedFailedWithItsProgressBySurvivors()
    {
        var survivor = cluster.GrainsOf(0);
        var management = survivor.GetGrain<IManagementGrain>(0);
        var doomed = cluster.Silos[1];

        // A tenant whose replay grain lives on the silo that will die: first called from there, where
        // placement usually puts it; the test checks rather than assumes.
        var tenant = "";
        for (var attempt = 0; attempt < 40 && tenant.Length == 0; attempt++)
        {
            var candidate = TestEvents.Tenant();
            var replayGrain = cluster.GrainsOf(1).GetGrain<IReplayGrain>(candidate);
            await replayGrain.GetProgressAsync("none");
            if (await management.GetActivationAddress(replayGrain) == doomed.SiloAddress)
            {
                tenant = candidate;
            }
        }

        Assert.NotEmpty(tenant);
        foreach (var batch in Enumerable.Range(0, Events).Chunk(1000))
        {
            await survivor.For(tenant, StreamId.Device($"replayed-{batch[0]}"))
                .AppendBatchAsync(batch.Select(i => TestEvents.New(deviceId: $"replayed-{batch[0]}")).ToList());
        }

        var started = await survivor.GetGrain<IReplayGrain>(tenant).ReplayAsync(new ReplayRequest { EventType = "test.happened", Max = Events }, "ops");
        Assert.Equal(ReplayState.Running, started.State);
        await cluster.Cluster.KillSiloAsync(doomed);

        var report = await survivor.GetGrain<IReplayGrain>(tenant).GetProgressAsync(started.ReplayId!);

        Assert.NotNull(report);
        Assert.Equal(ReplayState.Failed, report.State);
        Assert.True(report.EventsReplayed < Events, $"The replay reached {report.EventsReplayed} of {Events} before its silo died.");
        Assert.Equal(Events - report.EventsReplayed, report.EventsFailed);
    }
}
