using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Client.Recording;
using OrleansEvents.Client.Sending;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Client.Tests;

/// <summary><c>.UseClusterClient()</c>: events go as grain calls through the host's Orleans client, here a TestingHost cluster's.</summary>
public sealed class ClusterClientTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-client-cluster-").FullName;
    private InProcessTestCluster? _cluster;

    private IEventLog Log => _cluster!.Silos[0].ServiceProvider.GetRequiredService<IEventLog>();

    public async Task InitializeAsync()
    {
        var settings = StorageHost.Sqlite(Path.Combine(_directory, "events.db"));
        using (var storage = StorageHost.Build(settings))
        {
            await storage.Services.MigrateEventStorageAsync();
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((_, silo) => silo.AddEventGrains(silo.Configuration));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheClusterClientPathAppendsThroughTheStreamGrains()
    {
        using var host = ClientOfTheCluster(o => o.ThrowOnFailure = true);
        await host.StartAsync();
        var recorder = host.Services.GetRequiredService<IEventRecorder>();

        await recorder.ErrorAsync("scheduler.job_failed", leadId: "cluster-1", payload: new { Job = "sync" });
        await recorder.Workflow("wf-cluster").StageCompletedAsync("match", TimeSpan.FromSeconds(2));
        await host.StopAsync();

        var stored = (await Log.QueryAsync(Tenant, new EventFilter { Order = SortOrder.Ascending })).Events;
        Assert.Equal(["lead/cluster-1", "workflow/wf-cluster"], stored.Select(e => e.Stream.ToString()));
        Assert.Equal((Severity.Error, "scheduler", "sync"), (stored[0].Severity, stored[0].Category, stored[0].Context!.Value.GetProperty("job").GetString()));
        Assert.Equal(2000, stored[1].Context!.Value.GetProperty("duration_ms").GetDouble());
    }

    [Fact]
    public async Task AnEventThatBreaksARuleIsDroppedNotRetried()
    {
        using var host = ClientOfTheCluster();
        await host.StartAsync();
        var counts = new ClientCounts(host.Services).Listen();
        var recorder = host.Services.GetRequiredService<IEventRecorder>();

        await recorder.RecordAsync(new NewEvent { EventType = "fine.event", Stream = "lead/ok" });
        await recorder.RecordAsync(new NewEvent { EventType = "fine.event", Stream = "nowhere/at-all" });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await recorder.FlushAsync(deadline.Token);

        Assert.Equal((1L, 1L, 0L), (counts.Sent, counts.DroppedFor(DropReasons.Rejected), counts.Retried));
        Assert.Single((await Log.QueryAsync(Tenant, new EventFilter { EventType = "fine.event" })).Events);
    }

    private IHost ClientOfTheCluster(Action<OrleansEventsOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(_cluster!.Client);
        builder.Services.AddOrleansEvents(o =>
        {
            o.Tenant = Tenant;
            o.BatchDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }).UseClusterClient();
        return builder.Build();
    }
}
