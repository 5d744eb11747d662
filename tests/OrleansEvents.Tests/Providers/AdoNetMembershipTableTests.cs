using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Providers;

/// <summary>
/// The membership provider driven directly, each test on a cluster id of its own in the fixture's database, so the
/// running silos never see these rows.
/// </summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class AdoNetMembershipTableTests(PostgresOrleansCluster fixture)
{
    private static int _port = 40_000;

    [Fact]
    public async Task InsertWithAStaleTableVersionIsRefused()
    {
        var table = await TableAsync();
        var read = (await table.ReadAllAsync()).Version;

        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Active), read.Next()));
        Assert.False(await table.InsertRowAsync(Entry(SiloStatus.Active), read.Next()));

        var after = await table.ReadAllAsync();
        Assert.Single(after.Members);
        Assert.Equal(read.Version + 1, after.Version.Version);
    }

    [Fact]
    public async Task UpdateWithAStaleEtagIsRefused()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Joining);
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var read = await table.ReadRowAsync(entry.SiloAddress);
        var etag = Assert.Single(read.Members).Item2;

        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next()));

        Assert.Equal(SiloStatus.Active, Assert.Single((await table.ReadRowAsync(entry.SiloAddress)).Members).Item1.Status);
    }

    [Fact]
    public async Task HeartbeatUpdatesTheRowButNotTheTableVersion()
    {
        var table = await TableAsync();
        var entry = Entry(SiloStatus.Active);
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var before = await table.ReadAllAsync();

        entry.IAmAliveTime = entry.IAmAliveTime.AddMinutes(1);
        await table.UpdateIAmAliveAsync(entry);

        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(entry.IAmAliveTime, Assert.Single(after.Members).Item1.IAmAliveTime);
    }

    [Fact]
    public async Task ReadingAnUnknownSiloStillAnswersTheTableVersion()
    {
        var table = await TableAsync();
        await table.InsertRowAsync(Entry(SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());
        var unknown = Entry(SiloStatus.Active);

        var read = await table.ReadRowAsync(unknown.SiloAddress);

        Assert.Empty(read.Members);
        Assert.Equal(1, read.Version.Version);
    }

    [Fact]
    public async Task CleanupRemovesOnlyDeadSilosQuietSinceTheCutoff()
    {
        var table = await TableAsync();
        var longAgo = DateTime.UtcNow.AddHours(-2);
        var dead = Entry(SiloStatus.Dead, longAgo);
        var alive = Entry(SiloStatus.Active, longAgo);
        var recentlyDead = Entry(SiloStatus.Dead);
        foreach (var entry in new[] { dead, alive, recentlyDead })
        {
            await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { alive.SiloAddress, recentlyDead.SiloAddress }, left);
    }

    [Fact]
    public async Task DeletingTheClusterRemovesItsSilosAndStartsTheVersionAfresh()
    {
        var clusterId = Guid.NewGuid().ToString("N");
        var table = await TableAsync(clusterId);
        await table.InsertRowAsync(Entry(SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var after = await table.ReadAllAsync();
        Assert.Empty(after.Members);
        Assert.Equal(0, after.Version.Version);
    }

    private async Task<IMembershipTable> TableAsync(string? clusterId = null)
    {
        var options = new AdoNetClusteringSiloOptions();
        options.UsePostgres(fixture.DataSource);
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId ?? Guid.NewGuid().ToString("N"), ServiceId = "membership-tests" }),
            Options.Create(options),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(SiloStatus status, DateTime? lastSeen = null)
    {
        var port = Interlocked.Increment(ref _port);
        // Whole milliseconds: PostgreSQL keeps microseconds, so what is read back compares equal.
        var time = lastSeen ?? DateTime.UtcNow;
        time = new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation: 1),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = port + 1000,
            StartTime = time,
            IAmAliveTime = time,
        };
    }
}
