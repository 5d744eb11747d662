using System.Net;
using OrleansEvents.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansEvents.ClusterTests;

/// <summary>
/// The PostgreSQL server goes down under load and comes back: appends get 503 meanwhile and nothing
/// else, nothing acknowledged is lost, membership survives, and every silo serves again within 30 s
/// of the server's return without a restart.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresRestartTests(SiloCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveredWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AppendsGet503WhileTheDatabaseIsDownAndEverySiloRecoversWithin30SecondsOfItsReturn()
    {
        await cluster.EnsureWholeAsync();
        var run = $"r{Guid.NewGuid():N}"[..12];
        await using var watchers = await LiveWatchers.OpenAsync(cluster.Gateway.BaseAddress);
        var writers = new LoadWriters(cluster, run);

        var load = writers.RunAsync(8, TimeSpan.FromSeconds(25));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var downAt = writers.Now;
        await cluster.Postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await cluster.Postgres.StartAsync();
        var backAt = writers.Now;
        await load;

        var stored = await StoredLoad.ReadAsync(cluster.Database, run);
        await watchers.WaitForAsync(stored.Rows.Count, TimeSpan.FromSeconds(60));
        var recovered = Enumerable.Range(0, SiloCluster.SiloCount)
            .Select(endpoint => writers.AcknowledgedAppends.Where(a => a.Endpoint == endpoint && a.At > backAt).Select(a => a.At - backAt)
                .DefaultIfEmpty(TimeSpan.MaxValue).Min())
            .ToList();
        output.WriteLine($"down at {downAt.TotalSeconds:F1} s, back at {backAt.TotalSeconds:F1} s; {writers.AcknowledgedAppends.Count} acknowledged, " +
                         $"{writers.Refusals.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} 503s; first append per silo after the return: " +
                         string.Join(", ", recovered.Select(r => r == TimeSpan.MaxValue ? "none" : $"{r.TotalSeconds:F2} s")));

        Assert.Contains(writers.Refusals, refusal => refusal.Status == HttpStatusCode.ServiceUnavailable && refusal.At > downAt && refusal.At < backAt);
        LoadVerdict.AssertNothingLostOrDoubled(writers, stored, watchers);
        Assert.All(recovered, firstAppend => Assert.True(firstAppend <= RecoveredWithin, $"A silo appended again only {firstAppend} after the return."));
        Assert.All(cluster.Silos, slot => Assert.True(slot.IsRunning, "A silo exited while the database was away."));
        await cluster.WaitForMembersAsync(SiloCluster.SiloCount, RecoveredWithin);
    }
}
