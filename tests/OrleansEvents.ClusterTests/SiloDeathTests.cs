using OrleansEvents.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansEvents.ClusterTests;

/// <summary>
/// Eight writers append through all three silos' HTTP endpoints for 20 s while a SignalR and an SSE
/// client watch through the gateway process; in the middle one silo dies (kill -9) or hangs (kill -STOP).
/// Nothing acknowledged may be lost or stored twice, the live clients see every stored event once in
/// log order, and the dead silo's streams answer from the survivors within the failure-detection time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloDeathTests(SiloCluster cluster, ITestOutputHelper output)
{
    private const int Writers = 8;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(20);

    /// <summary>Orleans' failure detection as the silos configure it (probe timeout 1 s, 2 missed probes, 1 vote); see docs/operations.md.</summary>
    private static readonly TimeSpan DeclaredDeadWithin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After the declaration: the directory moves on and the grains activate on survivors, and a
    /// writer's request that was waiting on the dead silo may first wait out its 3 s timeout.
    /// </summary>
    private static readonly TimeSpan ServedAgainAfterDeclaration = TimeSpan.FromSeconds(4);

    [Fact]
    public Task ASiloKilledAtARandomMomentCostsNothingAcknowledged() =>
        RunAsync(() => Task.FromResult(cluster.Silos[Random.Shared.Next(SiloCluster.SiloCount)]), hang: false);

    [Fact]
    public Task KillingTheSiloOfTheLogReaderCostsNothingAcknowledged() => RunAsync(cluster.ReaderSiloAsync, hang: false);

    [Fact]
    public Task KillingTheSiloTheGatewayIsConnectedToCostsNothingAcknowledged() =>
        RunAsync(() => Task.FromResult(cluster.SilosTheGatewayTalksTo().FirstOrDefault()
            ?? throw new InvalidOperationException("The gateway process holds no connection to a silo.")), hang: false);

    [Fact]
    public Task AHungSiloIsDeclaredDeadWithinTenSecondsAndItsStreamsAreServedElsewhereSoonAfter() =>
        RunAsync(() => Task.FromResult(cluster.Silos[Random.Shared.Next(SiloCluster.SiloCount)]), hang: true);

    /// <summary>The reader resumes on a survivor after 8 s: a burst of thousands of events reaches every live client at once.</summary>
    [Fact]
    public Task HangingTheSiloOfTheLogReaderCostsNothingAcknowledged() => RunAsync(cluster.ReaderSiloAsync, hang: true);

    private async Task RunAsync(Func<Task<SiloSlot>> chooseVictim, bool hang)
    {
        await cluster.EnsureWholeAsync();
        var run = $"r{Guid.NewGuid():N}"[..12];
        await using var watchers = await LiveWatchers.OpenAsync(cluster.Gateway.BaseAddress);
        var writers = new LoadWriters(cluster, run);

        var load = writers.RunAsync(Writers, LoadTime);
        await Task.Delay(TimeSpan.FromSeconds(5 + Random.Shared.NextDouble() * 10));
        var victim = await chooseVictim();
        var struckAt = writers.Now;
        if (hang)
        {
            victim.Process!.Pause();
        }
        else
        {
            victim.Process!.Kill();
        }

        var declaredDead = await cluster.TimeUntilDeclaredDeadAsync(victim, TimeSpan.FromSeconds(30));
        await load;
        var stall = writers.LongestStallAcross(struckAt);
        int? exitAfterResume = null;
        if (hang)
        {
            // Woken, it learns it was declared dead and exits, so that its supervisor starts it afresh.
            victim.Process.Resume();
            try
            {
                exitAfterResume = await victim.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                output.WriteLine(string.Join('\n', victim.Process.Output.Split('\n').TakeLast(40)));
            }
        }

        var stored = await StoredLoad.ReadAsync(cluster.Database, run);
        await watchers.WaitForAsync(stored.Rows.Count, TimeSpan.FromSeconds(60));
        output.WriteLine($"{(hang ? "paused" : "killed")} silo {victim.SiloPort} at {struckAt.TotalSeconds:F1} s; " +
                         $"{writers.AcknowledgedAppends.Count} acknowledged, {stored.Rows.Count} stored, {writers.Refusals.Count} refusals " +
                         $"({writers.Refusals.Count(r => r.Status is null)} without answer); declared dead after {declaredDead?.TotalSeconds:F2} s; " +
                         $"longest writer stall {stall.TotalSeconds:F2} s");

        LoadVerdict.AssertNothingLostOrDoubled(writers, stored, watchers);
        Assert.True(declaredDead <= DeclaredDeadWithin, $"The survivors declared the silo dead after {declaredDead?.TotalSeconds:F1} s.");
        Assert.True(!hang || exitAfterResume is not null and not 0, $"The resumed silo did not exit with an error code (exit {exitAfterResume}).");
        Assert.True(stall <= declaredDead + ServedAgainAfterDeclaration,
            $"A writer waited {stall.TotalSeconds:F1} s for the dead silo's streams, {(stall - declaredDead)?.TotalSeconds:F1} s after it was declared dead.");
    }
}
