using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Life;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>The silo records its own life in system/silo, and survives its database going away.</summary>
public sealed class SiloLifeTests
{
    [Fact]
    public async Task StartAndStopAreRecordedWithVersionAndProvider()
    {
        var store = await EventSilo.FreshStoreAsync("sqlite");
        await using (await EventSilo.StartAsync(store))
        {
        }

        await using var silo = await EventSilo.StartAsync(store);
        var life = (await silo.Log.QueryAsync("default", new EventFilter { Stream = StreamId.System("silo"), Order = SortOrder.Ascending })).Events;

        Assert.Equal(["silo.started", "silo.stopping", "silo.started"], life.Select(e => e.EventType));
        Assert.Equal("sqlite", life[0].Context!.Value.GetProperty("storage_provider").GetString());
        Assert.False(string.IsNullOrEmpty(life[0].Context!.Value.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task AppendsFailFastWhileTheStoreIsAwayAndTheSiloRecoversByItself()
    {
        var direct = new NpgsqlConnectionStringBuilder(await (await PostgresServer.Shared).CreateDatabaseAsync("outage"));
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
        proxy.Start();
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = proxy.Port, Timeout = 2 };
        await using var silo = await EventSilo.StartAsync(new StoreSettings(StorageHost.Postgres(throughProxy.ConnectionString)),
            new Dictionary<string, string?> { ["Events:Storage:ProbeInterval"] = "00:00:01" });
        var availability = silo.Services.GetRequiredService<StorageAvailability>();
        await silo.Commands.AppendAsync("acme", [TestEvents.New(leadId: "before")]);

        proxy.Cut();
        await AdvanceUntilAsync(silo, () => Task.FromResult(availability.IsDown));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<StorageUnavailableException>(() => silo.Commands.AppendAsync("acme", [TestEvents.New(leadId: "before")]));
        var failedIn = DateTime.UtcNow - started;
        var reader = silo.Services.GetRequiredService<LogReaderWaker>();
        await AdvanceUntilAsync(silo, async () => (await reader.CheckAsync())?.IsStalled == true);

        proxy.Start();
        await AdvanceUntilAsync(silo, async () =>
            (await silo.Log.QueryAsync("default", new EventFilter { EventType = "storage.recovered" })).Events.Count == 1);
        await silo.Commands.AppendAsync("acme", [TestEvents.New(leadId: "after")]);

        Assert.True(failedIn < TimeSpan.FromSeconds(1), $"An append while the store is known to be away took {failedIn}.");
        Assert.False(availability.IsDown);
        await AdvanceUntilAsync(silo, async () => (await reader.CheckAsync())?.IsStalled == false);
        var outage = Assert.Single((await silo.Log.QueryAsync("default", new EventFilter { EventType = "storage.unavailable" })).Events);
        Assert.Equal(Severity.Error, outage.Severity);
        Assert.Equal(["after", "before"], (await silo.Log.QueryAsync("acme", new EventFilter())).Events.Select(e => e.LeadId));
    }

    /// <summary>Moves the fake clock a second at a time (the store probe runs on it) until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(EventSilo silo, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await ConditionAsync(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, "The silo did not get there in time.");
            silo.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    private static async Task<bool> ConditionAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }
}
